package org.fitsflow.processors.pipeline;

import java.util.List;

/** A named, validated pipeline: ordered steps, then exports (the first export is the main output). */
public record PipelineDefinition(String name, String description, List<StepSpec> steps, List<ExportSpec> exports) {
    public PipelineDefinition {
        steps = List.copyOf(steps);
        exports = List.copyOf(exports);
    }
}
