package org.fitsflow.processors.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.pipeline.PipelineCancelledException;

/** What a running step may use besides its image: the compute backend and a place for measurements. */
public final class StepContext {
    private final ComputeBackend backend;
    private final Map<String, Object> measurements = new LinkedHashMap<>();

    public StepContext(ComputeBackend backend) {
        this.backend = backend;
    }

    public ComputeBackend backend() {
        return backend;
    }

    /** Records a JSON-friendly value (number, string, list, map) reported in the job result. */
    public void measure(String key, Object value) {
        measurements.put(key, value);
    }

    public Map<String, Object> measurements() {
        return measurements;
    }

    /** Cancellation is an interrupt of the thread running the pipeline; long steps call this between passes. */
    public void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new PipelineCancelledException();
        }
    }
}
