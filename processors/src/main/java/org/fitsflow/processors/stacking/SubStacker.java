package org.fitsflow.processors.stacking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fitsflow.processors.analysis.FrameAnalyzer;
import org.fitsflow.processors.analysis.FrameQuality;
import org.fitsflow.processors.analysis.HotPixelFilter;
import org.fitsflow.processors.analysis.PlateScale;
import org.fitsflow.processors.analysis.StarField;
import org.fitsflow.processors.analysis.SubQuality;
import org.fitsflow.processors.analysis.SubQualityReport;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.ProgressListener;

/**
 * Stacks raw subs (or colour / mono frames) of one target: measures every sub, leaves out the flagged ones,
 * registers the rest on the sub with the most stars (rigid transform from star pairs), resamples them
 * (bicubic by default) onto its grid and combines them with a sigma-clipped mean. Subs are read twice (measure, then
 * resample) and registered frames wait on disk, so memory stays at a few frames whatever the number of subs.
 */
public final class SubStacker {
    public static final String STEP_NAME = "stack_subs";
    /** Rows per combine band: 64 rows x 1920 x 3 channels x 4 bytes is ~1.5 MB per frame. */
    private static final int BAND_ROWS = 64;

    private final StackingParameters parameters;
    private final ComputeBackend backend;
    private final FrameAnalyzer analyzer;

    public SubStacker(StackingParameters parameters, ComputeBackend backend) {
        this.parameters = parameters;
        this.backend = backend;
        this.analyzer = new FrameAnalyzer(parameters.detection());
    }

    /** Measured sub: its header summary and stars, or the reason it cannot be used. */
    private record Measured(Path file, FitsHeader header, int width, int height, int channels, StarField stars,
                            FrameQuality quality, String error) {
        HeaderSummary summary() {
            return header.summary();
        }
    }

    /**
     * @param workDirectory where registered frames wait for the combine (deleted afterwards)
     * @throws StackingException when no sub can be stacked, saying why
     * @throws PipelineCancelledException when the calling thread is interrupted
     */
    public StackResult stack(List<Path> files, Path workDirectory, ProgressListener listener) throws IOException {
        if (files.isEmpty()) {
            throw new StackingException("no subs to stack");
        }
        Thread caller = Thread.currentThread();
        int[] done = {0};
        // Progress: measuring is the first 40 %, resampling the next 40 %, the combine the rest.
        List<Measured> measured = ComputePool.get(() -> IntStream.range(0, files.size()).parallel().mapToObj(i -> {
            checkCancelled(caller);
            Measured m = measure(files.get(i));
            // One report at a time and in order: listeners need not be thread-safe.
            synchronized (done) {
                listener.onProgress(40.0 * ++done[0] / files.size(), "measuring subs");
            }
            return m;
        }).toList());
        checkCancelled(caller);

        List<SubQuality> qualities = measured.stream().map(m -> m.error() != null
                ? SubQuality.unreadable(m.file(), m.error())
                : new SubQuality(m.file(), m.summary().object(), m.summary().dateObs(), m.summary().exposureSeconds(),
                        m.quality(), null, List.of())).toList();
        List<SubQuality> flagged = SubQualityReport.of(qualities).subs();

        Measured reference = chooseReference(measured, flagged);
        StackedFrame[] outcomes = new StackedFrame[files.size()];
        List<Integer> usable = new ArrayList<>();
        StarRegistration registration = new StarRegistration();
        for (int i = 0; i < measured.size(); i++) {
            Measured m = measured.get(i);
            SubQuality q = flagged.get(i);
            if (m.error() != null) {
                outcomes[i] = StackedFrame.rejected(m.file(), null, "unreadable: " + m.error());
            } else if (parameters.rejectFlagged() && q.flagged()) {
                outcomes[i] = StackedFrame.rejected(m.file(), m.quality(), "flagged: " + q.reason());
            } else if (m.width() != reference.width() || m.height() != reference.height()
                    || m.channels() != reference.channels()) {
                outcomes[i] = StackedFrame.rejected(m.file(), m.quality(), String.format(
                        "size %d x %d x %d differs from the reference %d x %d x %d", m.width(), m.height(),
                        m.channels(), reference.width(), reference.height(), reference.channels()));
            } else if (m == reference) {
                outcomes[i] = new StackedFrame(m.file(), true, null, m.quality(), RigidTransform.IDENTITY,
                        m.stars().count(), 0);
                usable.add(i);
            } else {
                Optional<StarRegistration.Match> match = registration.register(reference.stars().stars(), m.stars().stars());
                if (match.isEmpty()) {
                    outcomes[i] = StackedFrame.rejected(m.file(), m.quality(),
                            "registration failed: too few stars match the reference " + reference.file().getFileName());
                } else {
                    StarRegistration.Match r = match.get();
                    outcomes[i] = new StackedFrame(m.file(), true, null, m.quality(), r.transform(), r.matchedStars(),
                            r.rmsResidual());
                    usable.add(i);
                }
            }
        }

        Files.createDirectories(workDirectory);
        int width = reference.width();
        int height = reference.height();
        int channels = reference.channels();
        float[][] master;
        try (RegisteredFrameStore store = new RegisteredFrameStore(workDirectory, width, height, channels)) {
            for (int k = 0; k < usable.size(); k++) {
                checkCancelled(caller);
                int i = usable.get(k);
                store.add(registered(files.get(i), outcomes[i].transform()));
                listener.onProgress(40 + 40.0 * (k + 1) / usable.size(), "registering subs");
            }
            checkCancelled(caller);
            master = combine(store, width, height, channels);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        listener.onProgress(100, "combining");
        return new StackResult(masterImage(reference, master, usable.size()), reference.file(), List.of(outcomes));
    }

    private Measured measure(Path file) {
        Image image;
        try {
            image = FitsReader.read(file);
        } catch (IOException e) {
            return new Measured(file, null, 0, 0, 0, null, null, e.getMessage());
        }
        HeaderSummary summary = image.header().summary();
        StarField stars = analyzer.stars(image, backend);
        double scale = PlateScale.of(summary).map(PlateScale::arcsecPerPixel).orElse(Double.NaN);
        FrameQuality quality = FrameQuality.of(stars, scale);
        return new Measured(file, image.header(), image.width(), image.height(), colourChannels(image), stars, quality, null);
    }

    private static int colourChannels(Image image) {
        return image.channels() == 1 && image.header().summary().bayerPattern() != null ? 3 : image.channels();
    }

    /** The unflagged sub with the most stars (then the smallest FWHM): the best-defined grid to align on. */
    private Measured chooseReference(List<Measured> measured, List<SubQuality> flagged) throws StackingException {
        List<Measured> candidates = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            Measured m = measured.get(i);
            if (m.error() == null && m.stars().count() > 0 && !(parameters.rejectFlagged() && flagged.get(i).flagged())) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            String reasons = flagged.stream().map(q -> q.file().getFileName() + ": " + q.reason())
                    .collect(Collectors.joining("; "));
            throw new StackingException("no sub can be stacked: " + (reasons.isBlank() ? "no stars detected" : reasons));
        }
        return candidates.stream().max(Comparator.comparingInt((Measured m) -> m.stars().count())
                .thenComparing(m -> -m.quality().fwhmPixels())).orElseThrow();
    }

    private float[][] registered(Path file, RigidTransform transform) throws IOException {
        Image image = FitsReader.read(file);
        HeaderSummary summary = image.header().summary();
        float[][] planes = image.channels() == 1 && summary.bayerPattern() != null
                ? backend.debayer(HotPixelFilter.corrected(image.plane(0), image.width(), image.height()),
                        image.width(), image.height(), summary.bayerPattern())
                : image.planes();
        float[][] out = new float[planes.length][];
        for (int c = 0; c < planes.length; c++) {
            out[c] = Resampler.resample(planes[c], image.width(), image.height(), transform, parameters.interpolation());
        }
        return out;
    }

    private float[][] combine(RegisteredFrameStore store, int width, int height, int channels) {
        float[][] master = new float[channels][width * height];
        int frames = store.size();
        SigmaClippedMean combiner = new SigmaClippedMean(parameters.kappa(), parameters.iterations());
        int bands = (height + BAND_ROWS - 1) / BAND_ROWS;
        ComputePool.run(() -> IntStream.range(0, bands).parallel().forEach(band -> {
            int y0 = band * BAND_ROWS;
            int rows = Math.min(BAND_ROWS, height - y0);
            float[][] stackOfRows = new float[frames][rows * width];
            float[] values = new float[frames];
            for (int c = 0; c < channels; c++) {
                for (int f = 0; f < frames; f++) {
                    store.readRows(f, c, y0, rows, stackOfRows[f]);
                }
                float[] target = master[c];
                for (int i = 0; i < rows * width; i++) {
                    for (int f = 0; f < frames; f++) {
                        values[f] = stackOfRows[f][i];
                    }
                    target[y0 * width + i] = combiner.combine(values, frames);
                }
            }
        }));
        return master;
    }

    private static Image masterImage(Measured reference, float[][] master, int used) {
        HeaderSummary s = reference.summary();
        HeaderSummary summary = new HeaderSummary(reference.width(), reference.height(), master.length, -32, s.object(),
                s.exposureSeconds(), s.filter(), s.gain(), s.instrument(), used, null, s.dateObs(), s.focalLengthMm(),
                s.pixelSizeMicrons());
        List<HeaderCard> cards = new ArrayList<>();
        for (HeaderCard card : reference.header().cards()) {
            if (!card.keyword().equals("BAYERPAT") && !card.keyword().equals("STACKCNT")) {
                cards.add(card);
            }
        }
        cards.add(new HeaderCard("STACKCNT", Integer.toString(used), "number of subs combined"));
        return new Image(reference.width(), reference.height(), master, new FitsHeader(cards, summary));
    }

    private static void checkCancelled(Thread caller) {
        if (caller.isInterrupted()) {
            throw new PipelineCancelledException();
        }
    }
}
