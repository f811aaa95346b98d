package org.fitsflow.bench;

import com.sun.management.OperatingSystemMXBean;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.PipelineRunner;
import org.fitsflow.processors.pipeline.ProgressListener;

/**
 * CPU time per frame of quick_dso and of the baselines, summed over all threads of the process. Unlike
 * wall time it hardly changes when other work shares the machine, so it is the figure to compare runs by;
 * on an otherwise idle machine the wall time lies between CPU time / cores and CPU time.
 */
public final class CpuCost {
    private static final int WARM_UP = 10;
    private static final int RUNS = 10;

    private CpuCost() {
    }

    @FunctionalInterface
    interface Work {
        void run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CpuCost IN.fits");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path out = Files.createTempDirectory("fitsflow-cpu");
        PipelineDefinition quickDso = PipelineLibrary.builtIn("quick_dso");
        PipelineRunner runner = new PipelineRunner(new CpuBackend());
        Path jpeg = runner.run(input, quickDso, out, "reference", ProgressListener.NONE).outputs().get(0);
        BufferedImage eightBit = PlainJpeg.asRgb(ImageIO.read(jpeg.toFile()));

        double pipeline = report("pipeline (read + stretch + JPEG)", () -> runner.run(input, quickDso, out, "run", ProgressListener.NONE));
        double read = report("baseline read", () -> FitsReader.read(input));
        double encode = report("baseline ImageIO JPEG", () -> PlainJpeg.write(eightBit, out.resolve("plain.jpg")));
        System.out.printf("pipeline / (read + JPEG) in CPU time: %.2f%n", pipeline / (read + encode));
        try (var files = Files.list(out)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(out);
    }

    /** Prints and returns the CPU ms per call, after warm-up calls. */
    static double report(String name, Work work) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            work.run();
        }
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            work.run();
        }
        double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / RUNS;
        double wallMs = (System.nanoTime() - wall) / 1e6 / RUNS;
        System.out.printf("%-36s CPU %8.1f ms/frame   wall %8.1f ms/frame%n", name, cpuMs, wallMs);
        return cpuMs;
    }

}
