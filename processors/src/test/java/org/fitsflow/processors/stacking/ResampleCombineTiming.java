package org.fitsflow.processors.stacking;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.fitsflow.processors.backend.Backends;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stacking.rejection.RejectionAlgorithm;
import org.fitsflow.processors.stacking.rejection.RejectionParameters;

/**
 * Wall-clock timings of the per-sub resampling and of the combine of a stack (bench/resample-combine-timing.sh),
 * on the NGC 7023 Seestar sub debayered (RCD) to 1080 x 1920 x 3:
 * <ul>
 *   <li>resampling the frame onto a grid turned by 0.6 degrees and shifted by (3.3, -2.7), 64 rows at a time
 *       as the stacker does, bicubic and bilinear, on one thread (ms per sub);</li>
 *   <li>writing the resampled frame's 16-bit codes to the registered frame store (ms per sub);</li>
 *   <li>combining 32 and 96 such frames (each registered to a tenth of a pixel, with noise of 0.003 added, a
 *       bright trail in one frame of eight) with the default rejection, winsorized sigma clipping (ms per stack;
 *       the 96-frame stack on the frame's top 360 rows, to keep its temporary files small).</li>
 * </ul>
 * Medians of 5 runs after 2 warm-up runs: wall clock, and the process's CPU time, which other load on the
 * machine affects less. {@code -Dtiming.only=resample} or {@code combine} runs one part;
 * {@code -Dtiming.rejection=SIGMA} (or another algorithm) combines with another rejection. With a folder as
 * first argument, the resampled planes and the combined masters with their rejection counts are also written
 * there (raw big-endian float32), to compare two builds' outputs byte for byte.
 */
public final class ResampleCombineTiming {
    private static final int WARM_UP = 2;
    private static final int RUNS = 5;
    private static final int BAND = 64;
    private static final RigidTransform TURN = new RigidTransform(Math.toRadians(0.6), 3.3, -2.7);
    private static final RejectionAlgorithm REJECTION =
            RejectionAlgorithm.valueOf(System.getProperty("timing.rejection", "WINSORIZED"));

    private ResampleCombineTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path dump = args.length > 0 ? Path.of(args[0]) : null;
        String only = System.getProperty("timing.only", "");
        Image sub = FitsReader.read(Path.of(System.getProperty("fitsflow.shared", "../shared"), "data", "seestar-subs",
                "Light_NGC_7023_10.0s_IRCUT_20240730-224436.fit"));
        int width = sub.width();
        int height = sub.height();
        float[][] planes = Backends.cpu().debayer(sub.plane(0), width, height, sub.header().summary().bayerPattern(),
                DebayerMethod.RCD);
        System.out.printf(Locale.ROOT, "%d processors, frame %d x %d x %d%n",
                Runtime.getRuntime().availableProcessors(), width, height, planes.length);
        for (Interpolation interpolation : only.equals("combine") ? new Interpolation[0] : Interpolation.values()) {
            float[][] out = new float[planes.length][width * height];
            time("resample one sub, " + interpolation, () -> resample(planes, width, height, TURN, interpolation, out));
            if (dump != null) {
                write(dump.resolve("resampled-" + interpolation + ".f32"), out);
            }
        }
        if (only.equals("resample")) {
            return;
        }
        Path work = Files.createTempDirectory("resample-combine-timing");
        float[][] resampled = new float[planes.length][width * height];
        resample(planes, width, height, TURN, Interpolation.BICUBIC, resampled);
        try (RegisteredFrameStore store = new RegisteredFrameStore(work, 1, width, height)) {
            ByteBuffer buffer = store.buffer(BAND);
            time("write one sub's codes", () -> {
                for (int y0 = 0; y0 < height; y0 += BAND) {
                    int rows = Math.min(BAND, height - y0);
                    for (int c = 0; c < planes.length; c++) {
                        store.writeRows(0, c, y0, rows, Arrays.copyOfRange(resampled[c], y0 * width,
                                (y0 + rows) * width), buffer);
                    }
                }
            });
        }
        combine(planes, width, height, 32, height, work, dump);
        combine(planes, width, height, 96, 360, work, dump);
        Files.deleteIfExists(work);
    }

    private static void combine(float[][] planes, int width, int fullHeight, int frames, int height, Path work,
                                Path dump) throws IOException {
        Random random = new Random(frames);
        List<FrameCoefficients> coefficients = new ArrayList<>();
        float[][] master;
        try (RegisteredFrameStore store = new RegisteredFrameStore(work, frames, width, height)) {
            float[][] band = new float[planes.length][BAND * width];
            ByteBuffer buffer = store.buffer(BAND);
            for (int f = 0; f < frames; f++) {
                // registered frames: the same sky but for a tenth of a pixel of registration error
                RigidTransform shift = new RigidTransform(random.nextGaussian() * 1e-5, random.nextGaussian() * 0.1,
                        random.nextGaussian() * 0.1);
                for (int y0 = 0; y0 < height; y0 += BAND) {
                    int rows = Math.min(BAND, height - y0);
                    Resampler.resampleRows(planes, width, fullHeight, shift, Interpolation.BICUBIC, y0, rows, band, 0);
                    for (int c = 0; c < planes.length; c++) {
                        for (int i = 0; i < rows * width; i++) {
                            band[c][i] += (float) (random.nextGaussian() * 0.003);
                        }
                        if (f % 8 == 3 && y0 == 0) {
                            Arrays.fill(band[c], 20 * width + f * 10, 20 * width + f * 10 + 200, 0.9f);
                        }
                    }
                    for (int c = 0; c < planes.length; c++) {
                        store.writeRows(f, c, y0, rows, band[c], buffer);
                    }
                }
                float gain = (float) (0.9 + 0.2 * random.nextDouble());
                float offset = (float) (0.01 * random.nextGaussian());
                float weight = (float) (0.5 + random.nextDouble());
                coefficients.add(new FrameCoefficients(new float[] {gain, gain, gain},
                        new float[] {offset, offset, offset}, new float[] {weight, weight, weight}));
            }
            BandCombiner combiner = new BandCombiner(RejectionParameters.DEFAULTS.withAlgorithm(REJECTION), true);
            CombinedStack[] last = new CombinedStack[1];
            time("combine " + frames + " frames of " + width + " x " + height + " x 3", () -> {
                last[0] = combiner.combine(store, coefficients, width, height, planes.length, () -> { });
            });
            master = withRejectionCounts(last[0]);
        }
        if (dump != null) {
            write(dump.resolve("master-" + frames + ".f32"), master);
        }
    }

    /** The master's planes followed by its rejected-low and rejected-high counts, as floats. */
    private static float[][] withRejectionCounts(CombinedStack stack) {
        int channels = stack.planes().length;
        float[][] all = Arrays.copyOf(stack.planes(), 3 * channels);
        for (int c = 0; c < channels; c++) {
            all[channels + c] = counts(stack.rejectedLow()[c]);
            all[2 * channels + c] = counts(stack.rejectedHigh()[c]);
        }
        return all;
    }

    private static float[] counts(short[] counts) {
        float[] out = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }

    private static void resample(float[][] planes, int width, int height, RigidTransform transform,
                                 Interpolation interpolation, float[][] out) {
        for (int y0 = 0; y0 < height; y0 += BAND) {
            Resampler.resampleRows(planes, width, height, transform, interpolation, y0, Math.min(BAND, height - y0),
                    out, y0 * width);
        }
    }

    private static void time(String what, Runnable job) {
        for (int i = 0; i < WARM_UP; i++) {
            job.run();
        }
        double[] ms = new double[RUNS];
        double[] cpuMs = new double[RUNS];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < RUNS; i++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            job.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
            cpuMs[i] = (os.getProcessCpuTime() - cpu) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        System.out.printf(Locale.ROOT, "%-45s median %8.1f ms (min %.1f, max %.1f), process CPU median %.1f ms%n",
                what, ms[RUNS / 2], ms[0], ms[RUNS - 1], cpuMs[RUNS / 2]);
    }

    private static void write(Path file, float[][] planes) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            for (float[] plane : planes) {
                for (float v : plane) {
                    out.writeFloat(v);
                }
            }
        }
    }
}
