package org.fitsflow.processors.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.export.ExportedFile;
import org.fitsflow.processors.export.Exporter;
import org.fitsflow.processors.export.Thumbnail;
import org.fitsflow.processors.export.Thumbnails;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.steps.Debayer;
import org.fitsflow.processors.steps.Step;
import org.fitsflow.processors.steps.StepContext;

/**
 * Runs one pipeline on one FITS file: read, debayer a raw mosaic when the pipeline has no debayer step,
 * apply the steps, write the exports. Cancellation is an interrupt of the calling thread, checked between
 * stages; a cancelled or failed run leaves none of its outputs behind.
 */
public final class PipelineRunner {
    private final ComputeBackend backend;
    private final StepRegistry steps;
    private final ExporterRegistry exporters;

    public PipelineRunner(ComputeBackend backend) {
        this(backend, StepRegistry.standard(), ExporterRegistry.standard());
    }

    public PipelineRunner(ComputeBackend backend, StepRegistry steps, ExporterRegistry exporters) {
        this.backend = backend;
        this.steps = steps;
        this.exporters = exporters;
    }

    /**
     * @return outputs in export order ({@code <outputStem>.<ext>} in {@code outputDir}; the first is the main output),
     *         and apart from them the thumbnails of the JPEG outputs ({@code outputDir/thumbnails/})
     * @throws IOException for an unreadable input (an {@code InvalidFitsException} says why) or a failed write
     * @throws PipelineCancelledException when the thread was interrupted
     * @throws InvalidPipelineException when the definition does not validate
     */
    public PipelineResult run(Path input, PipelineDefinition pipeline, Path outputDir, String outputStem,
                              ProgressListener listener) throws IOException {
        return run(ImageSource.file(input), pipeline, outputDir, outputStem, listener);
    }

    /** As {@link #run(Path, PipelineDefinition, Path, String, ProgressListener)}, on the image {@code input} gives. */
    public PipelineResult run(ImageSource input, PipelineDefinition pipeline, Path outputDir, String outputStem,
                              ProgressListener listener) throws IOException {
        // Everything is instantiated before the input is read, so that a bad definition fails at once.
        List<PlannedStep> plan = new ArrayList<>();
        for (StepSpec spec : pipeline.steps()) {
            plan.add(new PlannedStep(steps.create(spec), describe(spec)));
        }
        List<Exporter> exports = pipeline.exports().stream().map(exporters::create).toList();
        ProgressTracker progress = new ProgressTracker(listener);

        progress.begin("reading");
        Image image = withCancellation(input::read);
        HeaderSummary summary = image.header().summary();
        if (image.channels() == 1 && summary.isRawMosaic()
                && plan.stream().noneMatch(planned -> planned.step().name().equals(Debayer.NAME))) {
            plan.add(0, new PlannedStep(new Debayer(), Debayer.NAME + " pattern=" + summary.bayerPattern() + " (raw mosaic)"));
        }
        progress.expectStages(1 + plan.size() + exports.size());

        StepContext context = new StepContext(backend);
        List<String> history = new ArrayList<>();
        history.add("FitsFlow pipeline " + pipeline.name());
        for (PlannedStep planned : plan) {
            context.checkCancelled();
            progress.begin(planned.step().name());
            image = planned.step().apply(image, context);
            history.add(planned.description());
        }

        Files.createDirectories(outputDir);
        List<String> names = OutputNames.of(outputStem, exports.stream().map(Exporter::extension).toList());
        List<Path> written = new ArrayList<>();
        List<Thumbnail> thumbnails = new ArrayList<>();
        try {
            for (int i = 0; i < exports.size(); i++) {
                context.checkCancelled();
                Exporter exporter = exports.get(i);
                progress.begin("export_" + exporter.format());
                Path target = outputDir.resolve(names.get(i));
                Image finalImage = image;
                ExportedFile exported = withCancellation(() -> exporter.write(finalImage, target, history));
                written.add(exported.file());
                thumbnails.addAll(exported.thumbnails());
            }
            context.checkCancelled();
        } catch (IOException | RuntimeException | Error e) {
            for (Path path : written) {
                Files.deleteIfExists(path);
            }
            Thumbnails.delete(thumbnails);
            throw e;
        }
        progress.done();
        return new PipelineResult(written, backend.isGpu(), backend.name(), summary, context.measurements(), thumbnails);
    }

    private record PlannedStep(Step step, String description) {
    }

    /** One HISTORY line: the step type and its parameters in a stable order. */
    private static String describe(StepSpec spec) {
        StringBuilder line = new StringBuilder(spec.type());
        new TreeMap<>(spec.params()).forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }

    @FunctionalInterface
    private interface Io<T> {
        T call() throws IOException;
    }

    /** An interrupt during blocking I/O surfaces as an IOException; report it as the cancellation it is. */
    private static <T> T withCancellation(Io<T> io) throws IOException {
        try {
            return io.call();
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new PipelineCancelledException();
            }
            throw e;
        }
    }
}
