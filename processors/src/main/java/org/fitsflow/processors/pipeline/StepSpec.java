package org.fitsflow.processors.pipeline;

import java.util.Map;

/** One processing step of a pipeline as written in YAML: its type and its parameters. */
public record StepSpec(String type, Map<String, Object> params) {
    public StepSpec {
        params = Map.copyOf(params);
    }
}
