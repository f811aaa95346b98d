package org.fitsflow.processors.export;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.io.FolderTree;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.processors.pipeline.PipelineRunner;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.processors.steps.StepContext;
import org.fitsflow.processors.steps.StfStretch;

/**
 * What the thumbnails add to the JPEG export of a stretched frame, in CPU time summed over all threads
 * (steadier than wall time when other work shares the machine) and wall time: the export without thumbnails,
 * with the default 320 and 1080 px ones (and each alone), the thumbnails made afterwards from the written JPEG, and the whole
 * job (read, stretch, JPEG) without and with them. Means over
 * 40 rounds after 20 warm-up rounds, the three taking turns in each. Not a test: {@code java -cp <test classpath> ...ThumbnailCost IN.fit}.
 */
public final class ThumbnailCost {
    private static final int WARM_UP = 20;
    private static final int RUNS = 40;

    private ThumbnailCost() {
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        Image image = new StfStretch().apply(FitsReader.read(input), new StepContext(new CpuBackend()));
        Path out = Files.createTempDirectory("fitsflow-thumbnails");
        try {
            JpegExporter plain = new JpegExporter(new JpegParameters(JpegParameters.DEFAULT_QUALITY, List.of()));
            JpegExporter withThumbnails = new JpegExporter(JpegParameters.defaults());
            Path picture = out.resolve("frame.jpg");
            System.out.printf("%d x %d x %d, %d cores%n", image.width(), image.height(), image.channels(),
                    Runtime.getRuntime().availableProcessors());
            PipelineRunner runner = new PipelineRunner(new CpuBackend());
            PipelineLoader loader = new PipelineLoader();
            PipelineDefinition jobWithout = loader.parse("name: q\nsteps: [{step: histogram_stretch}]\nexports: [{format: jpeg, thumbnails: []}]\n");
            PipelineDefinition job = loader.parse("name: q\nsteps: [{step: histogram_stretch}]\nexports: [{format: jpeg}]\n");
            // the variants take turns, so that a change of load on the machine falls on all of them alike
            JpegExporter small = new JpegExporter(new JpegParameters(JpegParameters.DEFAULT_QUALITY, List.of(320)));
            JpegExporter large = new JpegExporter(new JpegParameters(JpegParameters.DEFAULT_QUALITY, List.of(1080)));
            Work[] variants = {
                () -> plain.write(image, picture, List.of()),
                () -> withThumbnails.write(image, picture, List.of()),
                () -> small.write(image, picture, List.of()),
                () -> large.write(image, picture, List.of()),
                () -> Thumbnails.fromJpeg(picture, Thumbnails.DEFAULT_SIDES),
                () -> runner.run(input, jobWithout, out, "job", ProgressListener.NONE),
                () -> runner.run(input, job, out, "job", ProgressListener.NONE),
            };
            double[][] times = measure(variants);
            String[] names = {"JPEG export, no thumbnails", "JPEG export + 320 and 1080 px", "JPEG export + 320 px",
                "JPEG export + 1080 px", "thumbnails from the written JPEG",
                "quick_dso job, no thumbnails", "quick_dso job + thumbnails"};
            for (int v = 0; v < variants.length; v++) {
                System.out.printf("%-34s CPU %6.1f ms   wall %6.1f ms%n", names[v], times[v][0], times[v][1]);
            }
            System.out.printf("the thumbnails add %.1f ms of CPU to the export (%.0f %% of it without them), %.1f ms to the job"
                            + " (%.0f %%)%n", times[1][0] - times[0][0], 100 * (times[1][0] - times[0][0]) / times[0][0],
                    times[6][0] - times[5][0], 100 * (times[6][0] - times[5][0]) / times[5][0]);
        } finally {
            FolderTree.delete(out);
        }
    }

    /** Per variant, CPU and wall ms per call, the variants called in turn. */
    private static double[][] measure(Work[] variants) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] totals = new double[variants.length][2];
        for (int round = 0; round < WARM_UP + RUNS; round++) {
            for (int v = 0; v < variants.length; v++) {
                long cpu = os.getProcessCpuTime();
                long wall = System.nanoTime();
                variants[v].run();
                if (round >= WARM_UP) {
                    totals[v][0] += (os.getProcessCpuTime() - cpu) / 1e6 / RUNS;
                    totals[v][1] += (System.nanoTime() - wall) / 1e6 / RUNS;
                }
            }
        }
        return totals;
    }
}
