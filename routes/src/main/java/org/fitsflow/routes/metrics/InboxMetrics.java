package org.fitsflow.routes.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Inbox files taken ({@code fitsflow_inbox_files_taken_total}: complete files recorded in the database,
 * each once) and refused ({@code fitsflow_inbox_files_refused_total}: taken files whose header is no
 * usable FITS image, which get failed jobs at once). A file whose pixels fail later counts as a failed
 * job, not as refused; hidden and temporary names are never taken.
 */
@Component
public class InboxMetrics {
    private final Counter taken;
    private final Counter refused;

    public InboxMetrics(MeterRegistry registry) {
        this.taken = Counter.builder("fitsflow.inbox.files.taken").description("Complete inbox files taken, each once")
                .register(registry);
        this.refused = Counter.builder("fitsflow.inbox.files.refused")
                .description("Inbox files taken whose header is no usable FITS image").register(registry);
    }

    public void taken() {
        taken.increment();
    }

    public void refused() {
        refused.increment();
    }
}
