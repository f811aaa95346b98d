package org.fitsflow.processors.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.image.HeaderSummary;

/**
 * What a pipeline run produced: output files in the order of the pipeline's exports (the first is the
 * main output), whether the GPU backend truly ran, the input's header summary and step measurements
 * (e.g. star count, FWHM) as plain JSON-friendly values.
 */
public record PipelineResult(List<Path> outputs, boolean gpuUsed, String backend, HeaderSummary input,
                             Map<String, Object> measurements) {
    public PipelineResult {
        outputs = List.copyOf(outputs);
        measurements = Map.copyOf(measurements);
    }
}
