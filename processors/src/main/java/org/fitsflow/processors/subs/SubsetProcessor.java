package org.fitsflow.processors.subs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fitsflow.processors.analysis.StarDetectionParameters;
import org.fitsflow.processors.analysis.SubQualityReport;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.calibration.CalibrationFolders;
import org.fitsflow.processors.calibration.CalibrationFrames;
import org.fitsflow.processors.calibration.CalibrationParameters;
import org.fitsflow.processors.fits.FitsFileName;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.FitsWriter;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.PipelineRunner;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.processors.pipeline.StepSpec;
import org.fitsflow.processors.stacking.NightCombiner;
import org.fitsflow.processors.stacking.StackResult;
import org.fitsflow.processors.stacking.StackingParameters;
import org.fitsflow.processors.stacking.SubCalibration;
import org.fitsflow.processors.stacking.SubStacker;
import org.fitsflow.processors.steps.StarDetection;
import org.fitsflow.processors.steps.StarDetectionStepParameters;

/**
 * Runs the pipelines that take a set of subs rather than one file, as their {@code subs} key says:
 * {@code subs: analyze} (quality report, e.g. {@code analyze_subs}) and {@code subs: stack} (registered,
 * sigma-clipped master with the pipeline's {@code stacking} settings, plus its own steps and exports as the
 * preview, e.g. {@code stack_subs}); and {@code subs: combine} (night masters combined into a deep stack, e.g.
 * {@code deep_stack}). Returns the same {@link PipelineResult} as the single-file
 * {@link PipelineRunner}. Cancellation is an interrupt of the calling thread ({@code PipelineCancelledException}).
 */
public final class SubsetProcessor {
    /** Stacking takes this share of the progress, the master's preview the rest. */
    private static final double STACKING_SHARE = 90;

    private final ComputeBackend backend;
    private final PipelineRunner runner;

    public SubsetProcessor(ComputeBackend backend) {
        this(backend, new PipelineRunner(backend));
    }

    public SubsetProcessor(ComputeBackend backend, PipelineRunner runner) {
        this.backend = backend;
        this.runner = runner;
    }

    /** The FITS files of a folder such as a Seestar {@code <target>_sub/}, sorted by name; hidden files are skipped. */
    public static List<Path> fitsFiles(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> FitsFileName.of(f).isFits())
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /**
     * Analyses or stacks the files, as the pipeline's {@code subs} key says.
     *
     * @throws InvalidPipelineException for a pipeline over one file or an empty set of files
     */
    public PipelineResult run(List<Path> files, PipelineDefinition pipeline, Path outputDir, String outputStem,
                              ProgressListener listener) throws IOException {
        return run(files, CalibrationFrames.NONE, pipeline, outputDir, outputStem, listener);
    }

    /**
     * As {@link #run(List, PipelineDefinition, Path, String, ProgressListener)}, a stack calibrated with
     * {@code calibration} (e.g. a session's uploads of type {@code dark}, {@code flat} and {@code bias}); with
     * {@link CalibrationFrames#NONE} a stack takes the frames of the subs' calibration folders, if any.
     */
    public PipelineResult run(List<Path> files, CalibrationFrames calibration, PipelineDefinition pipeline,
                              Path outputDir, String outputStem, ProgressListener listener) throws IOException {
        if (files.isEmpty()) {
            throw new InvalidPipelineException(pipeline.name() + " needs at least one sub, got none");
        }
        return switch (pipeline.subs()) {
            case ANALYZE -> analyze(files, pipeline, outputDir, outputStem, listener);
            case STACK -> stack(files, calibration, pipeline, outputDir, outputStem, listener);
            case COMBINE -> combine(files, pipeline, outputDir, outputStem, listener);
            case ONE_FILE -> throw new InvalidPipelineException("'" + pipeline.name() + "' works on one file; "
                    + "a pipeline over a set of subs says subs: analyze or subs: stack");
        };
    }

    /** Writes {@code <stem>.json}, {@code <stem>.csv} and {@code <stem>.png}; detection parameters from the pipeline's star_detection step. */
    public PipelineResult analyze(List<Path> files, PipelineDefinition pipeline, Path outputDir, String outputStem,
                                  ProgressListener listener) throws IOException {
        SubQualityReport report = SubQualityReport.analyze(files, detection(pipeline), backend, listener);
        List<Path> outputs = report.write(outputDir, outputStem);
        listener.onProgress(100, pipeline.name());
        return new PipelineResult(outputs, backend.isGpu(), backend.name(), firstSummary(files),
                ReportMeasurements.of(report.subs()));
    }

    /** The header summary of the first readable sub: what the set is of (object, exposure, size). */
    private static HeaderSummary firstSummary(List<Path> files) {
        for (Path file : files) {
            try {
                return FitsReader.readHeader(file).summary();
            } catch (IOException e) {
                // An unreadable sub is already a row of the report; the next one describes the set.
            }
        }
        return null;
    }

    /**
     * Writes the master {@code <stem>.fits} (float32, linear), stacked with the pipeline's {@code stacking}
     * settings and the detection of its {@code star_detection} step, and runs the pipeline's steps and exports
     * on it as the preview ({@code <stem>.jpg} for the shipped preset). Outputs: the preview's first (the main output,
     * a picture), then the master, then with {@code quality_report} the report of the subs as measured for the
     * stack ({@code <stem>.quality.json}, {@code .csv}, {@code .png}).
     */
    public PipelineResult stack(List<Path> files, PipelineDefinition pipeline, Path outputDir, String outputStem,
                                ProgressListener listener) throws IOException {
        return stack(files, CalibrationFrames.NONE, pipeline, outputDir, outputStem, listener);
    }

    /**
     * As {@link #stack(List, PipelineDefinition, Path, String, ProgressListener)}, each sub calibrated first with
     * the masters of {@code calibration}, else of the frames {@link CalibrationFolders} finds for the first sub's
     * folder; the measurements' {@code calibration} says which masters were used, or that none were.
     *
     * @throws org.fitsflow.processors.calibration.CalibrationException naming the frame when one cannot be used
     */
    public PipelineResult stack(List<Path> files, CalibrationFrames calibration, PipelineDefinition pipeline,
                                Path outputDir, String outputStem, ProgressListener listener) throws IOException {
        // a subs: stack definition always has its stacking settings (the defaults when the YAML has none)
        StackingParameters parameters = pipeline.stacking().withDetection(detection(pipeline));
        SubCalibration masters = calibration(files, calibration, parameters.calibration(), outputDir);
        StackResult stack = inWorkFolder(outputDir, ".stacking-", listener,
                (work, progress) -> new SubStacker(parameters, backend, masters).stack(files, work, progress));
        Map<String, Object> measurements = new LinkedHashMap<>();
        List<Path> report = new ArrayList<>();
        if (parameters.qualityReport()) {
            listener.onProgress(STACKING_SHARE, "quality_report");
            SubQualityReport quality = stack.subsReport().orElseThrow();
            report.addAll(quality.write(outputDir, outputStem + ".quality"));
            measurements.putAll(ReportMeasurements.of(quality.subs()));
        }
        measurements.putAll(StackMeasurements.of(stack, parameters));
        measurements.put("calibration", masters.measurements());
        return deliver(stack, pipeline, outputDir, outputStem, listener, report, measurements);
    }

    /**
     * The masters of {@code given}, else of the calibration folders of the first sub's folder, made and matched
     * as the pipeline's {@code stacking: calibration:} says, built in a work folder of their own in
     * {@code outputDir}, removed afterwards.
     */
    private static SubCalibration calibration(List<Path> files, CalibrationFrames given,
                                              CalibrationParameters parameters, Path outputDir) throws IOException {
        CalibrationFrames frames = given.isEmpty()
                ? CalibrationFolders.discover(files.get(0).toAbsolutePath().getParent()) : given;
        if (frames.isEmpty()) {
            return SubCalibration.NONE;
        }
        Files.createDirectories(outputDir);
        Path work = Files.createTempDirectory(outputDir, ".calibrating-");
        try {
            return SubCalibration.build(frames, files, parameters, work);
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /**
     * Combines the night masters ({@code subs: combine}, e.g. {@code deep_stack}) with the pipeline's
     * {@code stacking} settings ({@link NightCombiner}) into {@code <stem>.fits}, and runs the pipeline's steps and
     * exports on it as {@link #stack} does.
     */
    public PipelineResult combine(List<Path> masters, PipelineDefinition pipeline, Path outputDir, String outputStem,
                                  ProgressListener listener) throws IOException {
        StackingParameters parameters = pipeline.stacking().withDetection(detection(pipeline));
        StackResult combined = inWorkFolder(outputDir, ".combining-", listener,
                (work, progress) -> new NightCombiner(parameters, backend).combine(masters, work, progress));
        return deliver(combined, pipeline, outputDir, outputStem, listener, List.of(),
                StackMeasurements.ofNights(combined, parameters));
    }

    /**
     * Stacks with a temporary work folder in {@code outputDir} (created if need be), removed afterwards; the
     * stacking's progress takes {@link #STACKING_SHARE} of the whole.
     */
    private static StackResult inWorkFolder(Path outputDir, String prefix, ProgressListener listener, Stacking stacking)
            throws IOException {
        Files.createDirectories(outputDir);
        Path work = Files.createTempDirectory(outputDir, prefix);
        try {
            return stacking.run(work, (percent, step) -> listener.onProgress(percent * STACKING_SHARE / 100, step));
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** A stack or combine that works in a folder it is given. */
    private interface Stacking {
        StackResult run(Path work, ProgressListener progress) throws IOException;
    }

    /**
     * Writes the master and its maps, runs the pipeline's steps and exports on the master, and returns the
     * preview's outputs, the master, its maps and {@code extra} (written already), with the preview's measurements
     * and {@code measurements}. A failure removes what was written.
     */
    private PipelineResult deliver(StackResult stack, PipelineDefinition pipeline, Path outputDir, String outputStem,
                                   ProgressListener listener, List<Path> extra, Map<String, Object> measurements)
            throws IOException {
        Path master = outputDir.resolve(outputStem + ".fits");
        List<String> history = new ArrayList<>();
        history.add("FitsFlow " + pipeline.name());
        history.addAll(stack.history());
        List<Path> written = new ArrayList<>(extra);
        PipelineResult previewResult;
        try {
            listener.onProgress(STACKING_SHARE, "writing master");
            FitsWriter.writeFloat32(stack.master(), master, history);
            written.add(master);
            writeMap(stack.coverage(), outputDir.resolve(outputStem + ".coverage.fits"), history, written);
            writeMap(stack.rejectedLow(), outputDir.resolve(outputStem + ".rejected-low.fits"), history, written);
            writeMap(stack.rejectedHigh(), outputDir.resolve(outputStem + ".rejected-high.fits"), history, written);
            PipelineDefinition preview = PipelineDefinition.overOneFile(pipeline.name(), pipeline.description(),
                    pipeline.steps().stream().filter(s -> !s.type().equals(StarDetection.NAME)).toList(),
                    pipeline.exports());
            previewResult = runner.run(master, preview, outputDir, outputStem,
                    (percent, step) -> listener.onProgress(STACKING_SHARE + percent * (100 - STACKING_SHARE) / 100, step));
        } catch (IOException | RuntimeException e) {
            for (Path file : written) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
        List<Path> outputs = new ArrayList<>(previewResult.outputs());
        outputs.add(master);
        outputs.addAll(written.subList(extra.size() + 1, written.size()));
        outputs.addAll(extra);
        Map<String, Object> all = new LinkedHashMap<>(previewResult.measurements());
        all.putAll(measurements);
        return new PipelineResult(outputs, backend.isGpu() || previewResult.gpuUsed(), backend.name(),
                previewResult.input(), all, previewResult.thumbnails());
    }

    private static void writeMap(Optional<Image> map, Path file, List<String> history, List<Path> written)
            throws IOException {
        if (map.isPresent()) {
            FitsWriter.writeFloat32(map.get(), file, history);
            written.add(file);
        }
    }

    private static StarDetectionParameters detection(PipelineDefinition pipeline) {
        return pipeline.steps().stream().filter(s -> s.type().equals(StarDetection.NAME)).map(StepSpec::params)
                .map(StarDetectionStepParameters::fromMap).findFirst().orElse(StarDetectionParameters.DEFAULTS);
    }
}
