package org.fitsflow.processors.subs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.fitsflow.processors.analysis.BackgroundMesh;
import org.fitsflow.processors.analysis.FrameAnalyzer;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.analysis.StarField;
import org.fitsflow.processors.analysis.StarDetectionParameters;
import org.fitsflow.processors.analysis.SubQualityReport;
import org.fitsflow.processors.backend.Backends;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.processors.stacking.StackResult;
import org.fitsflow.processors.stacking.StackingParameters;
import org.fitsflow.processors.stacking.SubStacker;

/**
 * Wall-clock timings of the sub-frame work on the shared Seestar subs (bench/subs-timing.sh): the quality
 * analysis of all eight subs, stacking the three NGC 7023 10 s subs, and stacking all eight (the stacker
 * picks a reference and leaves out what does not register). Medians of 5 runs after 2 warm-up runs.
 */
public final class SubsTiming {
    private static final int WARM_UP = 2;
    private static final int RUNS = 5;

    private SubsTiming() {
    }

    @FunctionalInterface
    private interface Job {
        String run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        ComputeBackend backend = Backends.cpu();
        List<Path> all = SeestarSubs.all();
        List<Path> ngc = SeestarSubs.ngc7023TenSeconds();
        Path work = Files.createTempDirectory("subs-timing");
        System.out.printf(Locale.ROOT, "%d processors, max heap %d MB, backend %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, backend.name());
        time("analyse 8 subs (quality report)", () -> {
            SubQualityReport report = SubQualityReport.analyze(all, StarDetectionParameters.DEFAULTS, backend, ProgressListener.NONE);
            return report.subs().stream().filter(s -> s.flagged()).count() + " flagged";
        });
        time("stack 3 NGC 7023 10 s subs", () -> describe(new SubStacker(StackingParameters.DEFAULTS, backend)
                .stack(ngc, work, ProgressListener.NONE)));
        time("stack all 8 subs", () -> describe(new SubStacker(StackingParameters.DEFAULTS, backend)
                .stack(all, work, ProgressListener.NONE)));
        figures(ngc, backend, work);
        Files.deleteIfExists(work);
    }

    /** The stack's figures the tests bound: sky noise against one sub, FWHM against the subs' median. */
    private static void figures(List<Path> subs, ComputeBackend backend, Path work) throws IOException {
        FrameAnalyzer analyzer = new FrameAnalyzer(StarDetectionParameters.DEFAULTS);
        StackResult stack = new SubStacker(StackingParameters.DEFAULTS, backend).stack(subs, work, ProgressListener.NONE);
        Image reference = FitsReader.read(stack.reference());
        double subNoise = BackgroundMesh.measure(FrameAnalyzer.measurementPlane(reference, backend), reference.width(),
                reference.height(), 64).noise();
        Image master = stack.master();
        double stackNoise = BackgroundMesh.measure(FrameAnalyzer.measurementPlane(master, backend), master.width(),
                master.height(), 64).noise();
        double[] subFwhm = new double[subs.size()];
        for (int i = 0; i < subs.size(); i++) {
            subFwhm[i] = analyzer.stars(FitsReader.read(subs.get(i)), backend).medianFwhm();
        }
        Arrays.sort(subFwhm);
        StarField stacked = analyzer.stars(master, backend);
        System.out.printf(Locale.ROOT, "3-sub stack: sky noise %.6f vs %.6f in one sub (%.2fx lower); FWHM %.3f px vs subs' "
                        + "median %.3f px (%+.1f %%); %d stars vs %d; registration RMS %s px%n",
                stackNoise, subNoise, subNoise / stackNoise, stacked.medianFwhm(), subFwhm[subs.size() / 2],
                100 * (stacked.medianFwhm() / subFwhm[subs.size() / 2] - 1), stacked.count(),
                analyzer.stars(reference, backend).count(),
                stack.frames().stream().map(f -> String.format(Locale.ROOT, "%.2f", f.rmsResidual())).toList());
    }

    private static String describe(StackResult result) {
        return result.usedCount() + " of " + result.frames().size() + " stacked on " + result.reference().getFileName();
    }

    private static void time(String label, Job job) throws IOException {
        String outcome = "";
        for (int i = 0; i < WARM_UP; i++) {
            outcome = job.run();
        }
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            job.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "%-34s median %.2f s (min %.2f, max %.2f)  %s%n", label, seconds[RUNS / 2],
                seconds[0], seconds[RUNS - 1], outcome);
    }
}
