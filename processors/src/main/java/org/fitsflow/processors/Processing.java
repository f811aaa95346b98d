package org.fitsflow.processors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.calibration.CalibrationFrames;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.ImageSource;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.PipelineRunner;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.processors.subs.SubsetProcessor;

/**
 * The library's entry point: runs a pipeline over its inputs and returns the outputs with their
 * measurements, so that no caller chooses between the single-file {@link PipelineRunner} and the
 * {@link SubsetProcessor} for a set of subs. A pipeline with {@code subs: analyze} or {@code subs: stack}
 * runs once over all its inputs; any other runs on its one input.
 */
public final class Processing {
    private Processing() {
    }

    /**
     * Runs {@code pipeline} over {@code inputs} into {@code outputDir}, the outputs named {@code <outputStem>.<ext>}.
     *
     * @throws IOException for an unreadable input (an {@code InvalidFitsException} says why) or a failed write
     * @throws PipelineCancelledException when the calling thread was interrupted
     * @throws InvalidPipelineException when the pipeline does not validate, or is over one file and got several
     */
    public static PipelineResult run(PipelineDefinition pipeline, List<Path> inputs, Path outputDir, String outputStem,
                                     ComputeBackend backend, ProgressListener progress) throws IOException {
        return run(pipeline, inputs, input -> Optional.empty(), outputDir, outputStem, backend, progress);
    }

    /**
     * As {@link #run(PipelineDefinition, List, Path, String, ComputeBackend, ProgressListener)}, with
     * {@code decoded} giving the image of a single input when it is already in memory (a service that read an
     * upload to check it), so that it is not read twice.
     */
    public static PipelineResult run(PipelineDefinition pipeline, List<Path> inputs, Function<Path, Optional<Image>> decoded,
                                     Path outputDir, String outputStem, ComputeBackend backend, ProgressListener progress)
            throws IOException {
        return run(pipeline, inputs, CalibrationFrames.NONE, decoded, outputDir, outputStem, backend, progress);
    }

    /**
     * As {@link #run(PipelineDefinition, List, Function, Path, String, ComputeBackend, ProgressListener)}, a
     * {@code subs: stack} pipeline calibrating its subs with {@code calibration} (a session's uploads of type
     * {@code bias}, {@code dark} and {@code flat}) rather than with the calibration folders beside the subs; other
     * pipelines do not use it.
     *
     * @throws org.fitsflow.processors.calibration.CalibrationException naming the frame when one cannot be used
     */
    public static PipelineResult run(PipelineDefinition pipeline, List<Path> inputs, CalibrationFrames calibration,
                                     Function<Path, Optional<Image>> decoded, Path outputDir, String outputStem,
                                     ComputeBackend backend, ProgressListener progress) throws IOException {
        if (runsOverSet(pipeline, inputs.size())) {
            // a pipeline over one file refuses several, saying why
            return new SubsetProcessor(backend).run(inputs, calibration, pipeline, outputDir, outputStem, progress);
        }
        Path input = inputs.get(0);
        ImageSource source = decoded.apply(input).<ImageSource>map(image -> () -> image).orElse(ImageSource.file(input));
        return new PipelineRunner(backend).run(source, pipeline, outputDir, outputStem, progress);
    }

    /** Whether a run over {@code inputs} files goes once over the whole set rather than on one file. */
    public static boolean runsOverSet(PipelineDefinition pipeline, int inputs) {
        return inputs > 1 || pipeline.overSubs();
    }
}
