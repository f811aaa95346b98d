package org.fitsflow.routes.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.fitsflow.processors.backend.ComputeBackend;
import org.springframework.stereotype.Component;

/**
 * The compute backend this process runs jobs on ({@code fitsflow_compute_backend{backend="cpu"|"gpu"} 1}).
 * Jobs run in Docker containers or by worker hosts choose their own, which each job's {@code backend} says.
 */
@Component
public class ComputeBackendMetric implements MeterBinder {
    private final String backend;

    public ComputeBackendMetric(ComputeBackend backend) {
        this.backend = backend.name();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("fitsflow.compute.backend", () -> 1)
                .description("The compute backend of this process (value 1, the backend as tag)")
                .tag("backend", backend)
                .register(registry);
    }
}
