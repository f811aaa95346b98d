package org.fitsflow.processors.stacking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fitsflow.processors.analysis.FrameQuality;
import org.fitsflow.processors.analysis.PlateScale;
import org.fitsflow.processors.analysis.StarDetector;
import org.fitsflow.processors.analysis.StarField;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.InvalidFitsException;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.ProgressListener;

/**
 * Combines the masters of several nights of one target into a deep stack: {@link #combine} is the one entry point.
 * Each master is read and measured as a sub is (stars on its green plane, levels per channel); the deepest night
 * (the longest {@code TOTALEXP}) is the reference; every other night is registered on its stars (rotation and
 * translation: an alt-az mount turns the field from night to night), normalised to it, weighted by the inverse
 * variance of its normalised noise, which falls as its integration grows, resampled onto its grid, and combined
 * band by band with the stack's rejection, which judges a pixel from three nights on. The master is framed as the
 * settings say (cropped to the area most nights cover by default) and its header sums the nights
 * ({@link DeepHeader}). It reads the N masters, never their subs; the sub filters and the quality report of the
 * stacking settings do not apply to nights.
 */
public final class NightCombiner {
    private static final double MEASURE_SHARE = 30;
    private static final double RESAMPLE_SHARE = 40;
    /** Rows resampled and written at a time. */
    private static final int WRITE_ROWS = 64;
    /** Growth of the heap in use that triggers a collection between nights: about a master's planes and their copy. */
    private static final long HEAP_HEADROOM_BYTES = 64L << 20;
    /** How far a master's width or height may stray from the reference's: the crops of one sensor's frame. */
    private static final double SIZE_TOLERANCE = 0.2;

    private final StackingParameters parameters;
    private final ComputeBackend backend;
    private final StarDetector detector;

    public NightCombiner(StackingParameters parameters, ComputeBackend backend) {
        this.parameters = parameters;
        this.backend = backend;
        this.detector = new StarDetector(parameters.detection());
    }

    /**
     * @param workDirectory where registered nights wait for the combine (their files are deleted afterwards)
     * @throws InvalidFitsException when an input is unreadable, not a 3-plane master, or of another sensor's size
     * @throws StackingException    when there is nothing to combine
     * @throws PipelineCancelledException when the calling thread is interrupted
     */
    public StackResult combine(List<Path> masters, Path workDirectory, ProgressListener listener) throws IOException {
        if (masters.isEmpty()) {
            throw new StackingException("no night masters to combine");
        }
        Thread caller = Thread.currentThread();
        HeapCeiling heap = new HeapCeiling(HEAP_HEADROOM_BYTES);
        List<NightMaster> nights = new ArrayList<>();
        for (Path file : masters) {
            checkCancelled(caller);
            nights.add(measure(file));
            heap.check();
            listener.onProgress(MEASURE_SHARE * nights.size() / masters.size(), "measuring nights");
        }
        NightMaster reference = nights.stream().max(Comparator.comparingDouble(NightMaster::totalExposure)
                .thenComparingInt(NightMaster::stackCount)
                .thenComparingInt(n -> n.measurement().stars().count())).orElseThrow();
        for (NightMaster night : nights) {
            checkSize(night, reference);
        }
        int width = nights.stream().mapToInt(n -> n.measurement().width()).max().orElseThrow();
        int height = nights.stream().mapToInt(n -> n.measurement().height()).max().orElseThrow();

        StarRegistration registration = new StarRegistration();
        List<StackedFrame> frames = new ArrayList<>();
        List<NightMaster> used = new ArrayList<>();
        List<RigidTransform> transforms = new ArrayList<>();
        for (NightMaster night : nights) {
            SubMeasurement m = night.measurement();
            Optional<StarRegistration.Match> match = night == reference
                    ? Optional.of(new StarRegistration.Match(RigidTransform.IDENTITY, m.stars().count(), 0))
                    : registration.register(reference.measurement().stars().stars(), m.stars().stars());
            if (match.isEmpty()) {
                frames.add(StackedFrame.rejected(m.file(), m.quality(), "registration failed: too few stars match "
                        + "the reference night " + reference.file().getFileName()));
                continue;
            }
            frames.add(StackedFrame.registered(m.file(), m.quality(), match.get().transform(),
                    match.get().matchedStars(), match.get().rmsResidual()));
            used.add(night);
            transforms.add(match.get().transform());
        }
        List<FrameCoefficients> coefficients = FrameCoefficients.of(parameters,
                used.stream().map(NightMaster::measurement).toList(), reference.measurement());
        int f = 0;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).used()) {
                frames.set(i, frames.get(i).withWeights(coefficients.get(f++).weight()));
            }
        }

        Files.createDirectories(workDirectory);
        CombinedStack combined;
        try (RegisteredFrameStore store = new RegisteredFrameStore(workDirectory, used.size(), width, height)) {
            for (int n = 0; n < used.size(); n++) {
                checkCancelled(caller);
                resampleInto(store, n, used.get(n).file(), transforms.get(n), width, height);
                heap.check();
                listener.onProgress(MEASURE_SHARE + RESAMPLE_SHARE * (n + 1) / used.size(), "registering nights");
            }
            checkCancelled(caller);
            int bands = BandCombiner.bands(used.size(), width, height);
            int[] done = {0};
            combined = new BandCombiner(parameters.rejection(), parameters.rejectionMaps()).combine(store, coefficients,
                    width, height, 3, () -> {
                        synchronized (done) {
                            listener.onProgress(MEASURE_SHARE + RESAMPLE_SHARE
                                    + (100 - MEASURE_SHARE - RESAMPLE_SHARE) * ++done[0] / bands, "combining nights");
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        checkCancelled(caller);
        StackResult framed = MasterFraming.result(combined, reference.measurement(),
                used.stream().map(NightMaster::measurement).toList(), frames, parameters);
        FitsHeader header = DeepHeader.of(framed.master().header(), used);
        String framing = framed.history().stream().filter(line -> line.startsWith("framing ")).findFirst()
                .orElseThrow();
        return new StackResult(withHeader(framed.master(), header), reference.file(), frames,
                DeepHistory.lines(parameters, reference, nights, frames, framing),
                framed.coverage().map(map -> withHeader(map, header)),
                framed.rejectedLow().map(map -> withHeader(map, header)),
                framed.rejectedHigh().map(map -> withHeader(map, header)), Optional.empty());
    }

    private NightMaster measure(Path file) throws IOException {
        Image image;
        try {
            image = FitsReader.read(file);
        } catch (InvalidFitsException e) {
            throw new InvalidFitsException(file.getFileName() + ": " + e.getMessage(), e);
        }
        int width = image.width();
        int height = image.height();
        NightMaster.requireMaster(file, image);
        StarField stars = detector.detect(image.plane(1), width, height, backend);
        double scale = PlateScale.of(image.header().summary()).map(PlateScale::arcsecPerPixel).orElse(Double.NaN);
        ChannelLevels[] levels = ChannelLevels.ofPlanes(image.planes(), width, height, backend);
        return NightMaster.of(image, new SubMeasurement(file, image.header(), width, height, 3, stars,
                FrameQuality.of(stars, scale), levels, null, null));
    }

    private static void checkSize(NightMaster night, NightMaster reference) throws InvalidFitsException {
        SubMeasurement m = night.measurement();
        SubMeasurement r = reference.measurement();
        if (Math.abs(m.width() - r.width()) > SIZE_TOLERANCE * r.width()
                || Math.abs(m.height() - r.height()) > SIZE_TOLERANCE * r.height()) {
            throw new InvalidFitsException(String.format(Locale.ROOT, "%s is %d x %d, the reference night %s %d x %d: "
                            + "the nights of a deep stack are masters of one sensor, cropped by a few pixels at most",
                    m.file().getFileName(), m.width(), m.height(), r.file().getFileName(), r.width(), r.height()));
        }
    }

    /**
     * Second read of a master: its planes laid on the common grid (the largest night's size; no data beyond its
     * own), resampled a band of rows at a time and written to the store.
     */
    private void resampleInto(RegisteredFrameStore store, int frame, Path file, RigidTransform transform, int width,
                              int height) throws IOException {
        Image image = FitsReader.read(file);
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            planes[c] = onGrid(image.plane(c), image.width(), image.height(), width, height);
        }
        float[][] band = new float[3][WRITE_ROWS * width];
        ByteBuffer buffer = store.buffer(WRITE_ROWS);
        for (int y0 = 0; y0 < height; y0 += WRITE_ROWS) {
            int rows = Math.min(WRITE_ROWS, height - y0);
            Resampler.resampleRows(planes, width, height, transform, parameters.interpolation(), y0, rows, band, 0);
            for (int c = 0; c < 3; c++) {
                store.writeRows(frame, c, y0, rows, band[c], buffer);
            }
        }
    }

    /** The plane at the origin of a {@code width x height} grid, NaN (no data) beyond it. */
    private static float[] onGrid(float[] plane, int planeWidth, int planeHeight, int width, int height) {
        if (planeWidth == width && planeHeight == height) {
            return plane;
        }
        float[] out = new float[width * height];
        Arrays.fill(out, Float.NaN);
        for (int y = 0; y < planeHeight; y++) {
            System.arraycopy(plane, y * planeWidth, out, y * width, planeWidth);
        }
        return out;
    }

    private static Image withHeader(Image image, FitsHeader header) {
        return new Image(image.width(), image.height(), image.planes(), header);
    }

    private static void checkCancelled(Thread caller) {
        if (caller.isInterrupted()) {
            throw new PipelineCancelledException();
        }
    }
}
