package org.fitsflow.processors.backend.gpu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fitsflow.processors.backend.Backends;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.steps.StepContext;
import org.fitsflow.processors.steps.StfParameters;
import org.fitsflow.processors.steps.StfStretch;

/**
 * GPU against CPU on the large frame's statistics + stretch, the work of the quick_dso stretch:
 * <ol>
 * <li>the histogram_stretch step as the pipeline runs it (statistics, then the float stretch in place, in
 *     one backend call that keeps the planes on the GPU);</li>
 * <li>the same as two backend calls, statistics then stretch, each plane uploaded by both (the baseline
 *     of the first);</li>
 * <li>statistics, then the stretch fused with 8-bit quantisation (only bytes come back from the GPU).</li>
 * </ol>
 * Medians of 5 runs after 2 warm-up runs, copying the image outside the timed part. Run by
 * {@code bench/gpu-vs-cpu.sh}; the argument is a FITS file, else a seeded 6248 x 4176 x 3 sky is made.
 */
public final class GpuVsCpuTiming {
    private static final int WARMUP = 2;
    private static final int RUNS = 5;

    public static void main(String[] args) throws IOException {
        Image frame = args.length > 0 ? FitsReader.read(Path.of(args[0])) : syntheticLargeFrame();
        System.out.printf("frame %d x %d x %d, %.0f MB as float32; %d CPU cores%n", frame.width(), frame.height(),
                frame.channels(), frame.channels() * 4.0 * frame.pixelCount() / 1e6, Runtime.getRuntime().availableProcessors());
        ComputeBackend cpu = Backends.cpu();
        ComputeBackend selected = Backends.select();
        if (!selected.isGpu()) {
            System.out.println("no GPU: " + Backends.gpuUnavailableReason().orElse("unknown") + "; timing the CPU only");
        } else {
            System.out.println("GPU: " + ((GpuBackend) selected).description());
        }
        List<ComputeBackend> backends = selected.isGpu() ? List.of(cpu, selected) : List.of(cpu);
        double[][] results = new double[backends.size()][];
        for (int b = 0; b < backends.size(); b++) {
            ComputeBackend backend = backends.get(b);
            results[b] = new double[] {
                medianMillis(() -> stepInPlace(frame, backend)),
                medianMillis(() -> statisticsThenInPlace(frame, backend)),
                medianMillis(() -> statisticsAndEightBit(frame, backend)),
            };
            System.out.printf("%-4s  stats + stretch in place: %8.1f ms (as two calls: %8.1f ms)   stats + stretch to 8-bit: %8.1f ms%n",
                    backend.name(), results[b][0], results[b][1], results[b][2]);
        }
        if (results.length == 2) {
            System.out.printf("GPU speed-up: %.1fx (in place), %.1fx (in place as two calls), %.1fx (to 8-bit); target >= 5x%n",
                    results[0][0] / results[1][0], results[0][1] / results[1][1], results[0][2] / results[1][2]);
        }
    }

    private interface Timed {
        long run();
    }

    private static double medianMillis(Timed timed) {
        double[] millis = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long nanos = timed.run();
            if (i >= WARMUP) {
                millis[i - WARMUP] = nanos / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    private static long stepInPlace(Image frame, ComputeBackend backend) {
        Image copy = copyOf(frame);
        long start = System.nanoTime();
        new StfStretch().apply(copy, new StepContext(backend));
        return System.nanoTime() - start;
    }

    private static long statisticsThenInPlace(Image frame, ComputeBackend backend) {
        Image copy = copyOf(frame);
        long start = System.nanoTime();
        StfParameters stf = new StfStretch().parametersFor(copy, backend);
        for (int c = 0; c < copy.channels(); c++) {
            backend.stretch(copy.plane(c), stf.c0()[c], stf.m()[c]);
        }
        return System.nanoTime() - start;
    }

    private static long statisticsAndEightBit(Image frame, ComputeBackend backend) {
        long start = System.nanoTime();
        StfParameters stf = new StfStretch().parametersFor(frame, backend);
        List<byte[]> planes = new ArrayList<>();
        for (int c = 0; c < frame.channels(); c++) {
            planes.add(backend.stretchTo8Bit(frame.plane(c), stf.c0()[c], stf.m()[c]));
        }
        long elapsed = System.nanoTime() - start;
        if (planes.size() != frame.channels()) {
            throw new IllegalStateException("missing planes");
        }
        return elapsed;
    }

    private static Image copyOf(Image frame) {
        float[][] planes = new float[frame.channels()][];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = frame.plane(c).clone();
        }
        return frame.withPlanes(frame.width(), frame.height(), planes);
    }

    private static Image syntheticLargeFrame() {
        int width = 6248;
        int height = 4176;
        Random random = new Random(42);
        float[][] planes = new float[3][width * height];
        for (int c = 0; c < 3; c++) {
            float level = 0.07f + 0.01f * c;
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] = level + 0.02f * (i % width) / width + 0.004f * (float) random.nextGaussian();
            }
        }
        HeaderSummary summary = new HeaderSummary(width, height, 3, -32, "synthetic large frame",
                null, null, null, null, null, null, null, null, null);
        return new Image(width, height, planes, new FitsHeader(List.of(), summary));
    }
}
