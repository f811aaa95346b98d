package org.fitsflow.processors.stacking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.fitsflow.processors.analysis.FrameQuality;
import org.fitsflow.processors.analysis.PhotositeCorrections;
import org.fitsflow.processors.analysis.PlateScale;
import org.fitsflow.processors.analysis.StarDetector;
import org.fitsflow.processors.analysis.StarField;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.calibration.CalibrationException;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.ProgressListener;

/**
 * Stacks the subs of one target: {@link #stack} is the one entry point. Each sub is read twice. The first
 * read measures it (stars, quality, channel levels) and finds its hot photosites; then the reference is
 * chosen, every sub registered on it ({@link SubSelection}), and normalisation and weights set. The second
 * read repeats the corrections, develops it again, resamples its planes onto the reference grid and writes
 * them to a {@link RegisteredFrameStore}; the {@link BandCombiner} then rejects and averages band by band. With
 * {@code drizzle} the second read drops each sub onto a finer grid instead ({@link DrizzleStack}).
 * Memory stays at a few frames whatever the number of subs; every stage runs on all cores. With calibration
 * frames ({@link SubCalibration}) both reads calibrate the sub first.
 */
public final class SubStacker {
    public static final String STEP_NAME = "stack_subs";
    private static final double MEASURE_SHARE = 40;
    private static final double RESAMPLE_SHARE = 35;
    /** Rows resampled and written at a time. */
    private static final int WRITE_ROWS = 64;
    /** Growth of the heap in use that triggers a collection between the stages of a sub: about a sub's planes. */
    private static final long HEAP_HEADROOM_BYTES = 32L << 20;

    private final StackingParameters parameters;
    private final ComputeBackend backend;
    private final StarDetector detector;
    private final SubCalibration calibration;

    public SubStacker(StackingParameters parameters, ComputeBackend backend) {
        this(parameters, backend, SubCalibration.NONE);
    }

    public SubStacker(StackingParameters parameters, ComputeBackend backend, SubCalibration calibration) {
        this.parameters = parameters;
        this.backend = backend;
        this.detector = new StarDetector(parameters.detection());
        this.calibration = calibration;
    }

    /**
     * @param workDirectory where registered frames wait for the combine (their files are deleted afterwards)
     * @throws StackingException when no sub can be stacked, saying why
     * @throws PipelineCancelledException when the calling thread is interrupted
     */
    public StackResult stack(List<Path> files, Path workDirectory, ProgressListener listener) throws IOException {
        if (files.isEmpty()) {
            throw new StackingException("no subs to stack");
        }
        Thread caller = Thread.currentThread();
        Progress progress = new Progress(listener);
        HeapCeiling heap = new HeapCeiling(HEAP_HEADROOM_BYTES);
        List<SubMeasurement> measured = measureAll(files, caller, progress, heap);
        checkCancelled(caller);

        SubSelection selection = SubSelection.select(measured, parameters);
        List<SubMeasurement> used = selection.used();
        SubMeasurement reference = selection.reference();
        List<FrameCoefficients> coefficients = FrameCoefficients.of(parameters, used, reference);
        List<StackedFrame> frames = selection.withWeights(coefficients);
        if (parameters.drizzle().isPresent()) {
            StackResult drizzled = DrizzleStack.stack(selection, coefficients, frames, parameters, sub -> {
                checkCancelled(caller);
                float[][] planes = developed(sub, new SubWorkspace());
                heap.check();
                return planes;
            }, () -> progress.step((100 - MEASURE_SHARE) / used.size(), "drizzling subs"));
            listener.onProgress(100, "drizzling subs");
            return finished(drizzled, selection);
        }

        Files.createDirectories(workDirectory);
        int width = reference.width();
        int height = reference.height();
        int channels = reference.channels();
        CombinedStack combined;
        try (RegisteredFrameStore store = new RegisteredFrameStore(workDirectory, used.size(), width, height)) {
            resampleAll(store, selection, caller, progress, heap);
            checkCancelled(caller);
            heap.check();
            double perBand = (100 - MEASURE_SHARE - RESAMPLE_SHARE) / BandCombiner.bands(used.size(), width, height);
            combined = new BandCombiner(parameters.rejection(), parameters.rejectionMaps())
                    .combine(store, coefficients, width, height, channels, () -> progress.step(perBand, "combining"));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        checkCancelled(caller);
        heap.check();
        listener.onProgress(100, "combining");
        return finished(MasterFraming.result(combined, reference, used, frames, parameters), selection);
    }

    /**
     * Measures every sub on all cores. The workspaces live as long as this call: the planes they keep are
     * garbage once the subs are measured, before the resampling and the combine allocate theirs.
     */
    private List<SubMeasurement> measureAll(List<Path> files, Thread caller, Progress progress, HeapCeiling heap) {
        SubWorkspace.Pool workspaces = new SubWorkspace.Pool();
        return ComputePool.get(() -> IntStream.range(0, files.size()).parallel().mapToObj(i -> {
            checkCancelled(caller);
            SubWorkspace workspace = workspaces.take();
            SubMeasurement m = measure(files.get(i), workspace, heap);
            workspaces.give(workspace);
            heap.check();
            progress.step(MEASURE_SHARE / files.size(), "measuring subs");
            return m;
        }).toList());
    }

    /** Resamples every sub used into the store on all cores, with workspaces of its own (as {@link #measureAll}). */
    private void resampleAll(RegisteredFrameStore store, SubSelection selection, Thread caller, Progress progress,
                             HeapCeiling heap) {
        SubWorkspace.Pool workspaces = new SubWorkspace.Pool();
        List<SubMeasurement> used = selection.used();
        ComputePool.run(() -> IntStream.range(0, used.size()).parallel().forEach(f -> {
            checkCancelled(caller);
            SubWorkspace workspace = workspaces.take();
            resampleInto(store, f, used.get(f), selection.transformOf(used.get(f)), workspace, heap);
            workspaces.give(workspace);
            heap.check();
            progress.step(RESAMPLE_SHARE / used.size(), "registering subs");
        }));
    }

    /** The result with the calibration's HISTORY after its first line, and the quality report of the subs. */
    private StackResult finished(StackResult result, SubSelection selection) {
        List<String> history = new ArrayList<>(result.history());
        history.addAll(1, calibration.history());
        return new StackResult(result.master(), result.reference(), result.frames(), history, result.coverage(),
                result.rejectedLow(), result.rejectedHigh(), Optional.of(selection.report()));
    }

    private SubMeasurement measure(Path file, SubWorkspace workspace, HeapCeiling heap) {
        Image image;
        try {
            image = FitsReader.read(file);
        } catch (IOException e) {
            return SubMeasurement.unreadable(file, e.getMessage());
        }
        try {
            image = calibration.calibrate(image, file);
        } catch (CalibrationException e) {
            return SubMeasurement.uncalibrated(file, e.getMessage());
        }
        heap.check();
        int width = image.width();
        int height = image.height();
        ChannelLevels[] levels;
        float[] mosaic = null;
        PhotositeCorrections corrections = PhotositeCorrections.NONE;
        if (SubDevelopment.isRawMosaic(image)) {
            mosaic = workspace.mosaic(width * height);
            corrections = SubDevelopment.correctMosaic(image, mosaic);
            levels = ChannelLevels.ofMosaic(mosaic, width, height, image.header().summary().bayerPattern(), backend);
        } else {
            levels = ChannelLevels.ofPlanes(image.planes(), width, height, backend);
        }
        float[] plane = SubDevelopment.measurementPlane(image, mosaic, backend, workspace);
        heap.check();
        StarField stars = detector.detect(plane, width, height, backend);
        double scale = PlateScale.of(image.header().summary()).map(PlateScale::arcsecPerPixel).orElse(Double.NaN);
        return new SubMeasurement(file, image.header(), width, height, SubDevelopment.channels(image), stars,
                FrameQuality.of(stars, scale), levels, corrections, null);
    }

    /** Second read of a sub: developed again ({@link #developed}), resampled a band of rows at a time, stored. */
    private void resampleInto(RegisteredFrameStore store, int frame, SubMeasurement sub, RigidTransform transform,
                              SubWorkspace workspace, HeapCeiling heap) {
        float[][] planes = developed(sub, workspace);
        heap.check();
        int width = sub.width();
        int height = sub.height();
        float[][] band = new float[planes.length][WRITE_ROWS * width];
        ByteBuffer buffer = store.buffer(WRITE_ROWS);
        for (int y0 = 0; y0 < height; y0 += WRITE_ROWS) {
            int rows = Math.min(WRITE_ROWS, height - y0);
            Resampler.resampleRows(planes, width, height, transform, parameters.interpolation(), y0, rows, band, 0);
            for (int c = 0; c < planes.length; c++) {
                store.writeRows(frame, c, y0, rows, band[c], buffer);
            }
        }
    }

    /** A sub read again, calibrated and corrected as on its first read, and developed into its planes, worked in {@code workspace}. */
    private float[][] developed(SubMeasurement sub, SubWorkspace workspace) {
        Image image;
        try {
            image = calibration.calibrateStacked(FitsReader.read(sub.file()), sub.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int pixels = sub.width() * sub.height();
        return SubDevelopment.isRawMosaic(image)
                ? SubDevelopment.develop(image, SubDevelopment.recorrectedMosaic(image, sub.corrections(),
                        workspace.mosaic(pixels)), backend, parameters.debayer(), workspace.developed(pixels))
                : image.planes();
    }

    private static void checkCancelled(Thread caller) {
        if (caller.isInterrupted()) {
            throw new PipelineCancelledException();
        }
    }

    /** Progress reported from any thread, one report at a time and never backwards: listeners need not be thread-safe. */
    private static final class Progress {
        private final ProgressListener listener;
        private double percent;

        Progress(ProgressListener listener) {
            this.listener = listener;
        }

        synchronized void step(double share, String stage) {
            percent = Math.min(100, percent + share);
            listener.onProgress(percent, stage);
        }
    }
}
