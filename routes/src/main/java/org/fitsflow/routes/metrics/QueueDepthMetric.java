package org.fitsflow.routes.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.OptionalLong;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.queue.JobQueue;
import org.springframework.stereotype.Component;

/**
 * Jobs waiting in the queue for a worker ({@code fitsflow_queue_depth}, tag {@code queue}: {@code local}
 * for the in-process queue, {@code redis} for the Redis stream), read at each scrape; NaN while Redis
 * cannot be asked.
 */
@Component
public class QueueDepthMetric implements MeterBinder {
    private final JobQueue queue;
    private final String kind;

    public QueueDepthMetric(JobQueue queue, FitsflowProperties properties) {
        this.queue = queue;
        this.kind = properties.queue().key();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("fitsflow.queue.depth", queue, QueueDepthMetric::waiting)
                .description("Jobs waiting in the queue for a worker")
                .tag("queue", kind)
                .strongReference(true)
                .register(registry);
    }

    private static double waiting(JobQueue queue) {
        OptionalLong depth = queue.depth();
        return depth.isPresent() ? depth.getAsLong() : Double.NaN;
    }
}
