package org.fitsflow.processors.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.io.AtomicFile;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.ProgressListener;

/**
 * The quality report of a series of sub-frames (e.g. a Seestar {@code <target>_sub/} folder): every file is
 * measured ({@link FrameAnalyzer}), outliers are flagged ({@link OutlierFlagger}), and {@link #write} produces
 * {@code <stem>.json}, {@code <stem>.csv} and a plot {@code <stem>.png}. A file that cannot be read becomes a
 * row with its reason instead of stopping the report.
 */
public final class SubQualityReport {
    public static final String STEP_NAME = "analyze_subs";

    private final List<SubQuality> subs;

    private SubQualityReport(List<SubQuality> subs) {
        this.subs = List.copyOf(subs);
    }

    /**
     * Measures the files in parallel (each frame's own passes are parallel too); progress goes from 0 to
     * 100 % as files complete. Cancellation is an interrupt of the calling thread.
     */
    public static SubQualityReport analyze(List<Path> files, StarDetectionParameters parameters, ComputeBackend backend,
                                           ProgressListener listener) {
        FrameAnalyzer analyzer = new FrameAnalyzer(parameters);
        SubQuality[] measured = new SubQuality[files.size()];
        int[] done = {0};
        Thread caller = Thread.currentThread();
        ComputePool.run(() -> IntStream.range(0, files.size()).parallel().forEach(i -> {
            if (caller.isInterrupted()) {
                return;
            }
            measured[i] = measure(files.get(i), analyzer, backend);
            // One report at a time and in order: listeners need not be thread-safe.
            synchronized (done) {
                listener.onProgress(100.0 * ++done[0] / files.size(), STEP_NAME);
            }
        }));
        if (caller.isInterrupted()) {
            throw new PipelineCancelledException();
        }
        return new SubQualityReport(new OutlierFlagger().flag(List.of(measured)));
    }

    public static SubQualityReport of(List<SubQuality> measured) {
        return new SubQualityReport(new OutlierFlagger().flag(measured));
    }

    static SubQuality measure(Path file, FrameAnalyzer analyzer, ComputeBackend backend) {
        Image image;
        try {
            image = FitsReader.read(file);
        } catch (IOException e) {
            return SubQuality.unreadable(file, e.getMessage());
        }
        HeaderSummary summary = image.header().summary();
        FrameQuality quality = analyzer.analyze(image, backend);
        return new SubQuality(file, summary.object(), summary.dateObs(), summary.exposureSeconds(), quality, null, List.of());
    }

    public List<SubQuality> subs() {
        return subs;
    }

    /** Writes {@code <stem>.json}, {@code <stem>.csv} and {@code <stem>.png} into {@code directory}; returns them in that order. */
    public List<Path> write(Path directory, String stem) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        written.add(AtomicFile.write(directory.resolve(stem + ".json"),
                f -> Files.writeString(f, QualityReportJson.render(subs), StandardCharsets.UTF_8)));
        written.add(AtomicFile.write(directory.resolve(stem + ".csv"),
                f -> Files.writeString(f, QualityReportCsv.render(subs), StandardCharsets.UTF_8)));
        written.add(AtomicFile.write(directory.resolve(stem + ".png"), f -> {
            if (!ImageIO.write(QualityPlot.render(subs), "png", f.toFile())) {
                throw new IOException("no PNG writer available for the quality plot");
            }
        }));
        return written;
    }
}
