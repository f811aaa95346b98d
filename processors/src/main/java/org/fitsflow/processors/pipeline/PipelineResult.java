package org.fitsflow.processors.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.export.Thumbnail;
import org.fitsflow.processors.image.HeaderSummary;

/**
 * What a pipeline run produced: output files in the order of the pipeline's exports (the first is the
 * main output), whether the GPU backend truly ran, the input's header summary and step measurements
 * (e.g. star count, FWHM) as plain JSON-friendly values. The thumbnails of the picture outputs are kept
 * apart from the outputs, in a {@code thumbnails/} folder beside them, to be served on their own.
 */
public record PipelineResult(List<Path> outputs, boolean gpuUsed, String backend, HeaderSummary input,
                             Map<String, Object> measurements, List<Thumbnail> thumbnails) {
    public PipelineResult {
        outputs = List.copyOf(outputs);
        measurements = Map.copyOf(measurements);
        thumbnails = List.copyOf(thumbnails);
    }

    /** A result without thumbnails (reports, masters). */
    public PipelineResult(List<Path> outputs, boolean gpuUsed, String backend, HeaderSummary input,
                          Map<String, Object> measurements) {
        this(outputs, gpuUsed, backend, input, measurements, List.of());
    }
}
