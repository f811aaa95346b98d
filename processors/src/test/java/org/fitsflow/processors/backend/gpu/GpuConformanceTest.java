package org.fitsflow.processors.backend.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import jcuda.driver.JCudaDriver;
import org.fitsflow.processors.backend.Backends;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.backend.GaussianKernel;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.ChannelStatistics;
import org.fitsflow.processors.steps.StepContext;
import org.fitsflow.processors.steps.StfStretch;
import org.fitsflow.processors.steps.StfStretchParameters;
import org.fitsflow.processors.steps.StretchMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every backend operation on the GPU and on the CPU, on real frames and edge cases, compared within
 * these tolerances:
 * <ul>
 * <li>statistics: the same finite count and median (both select exact ranks); MAD within 1e-6 relative,
 *     since the GPU ranks the deviations rounded to float while the CPU keeps them in double;</li>
 * <li>stretch, debayer: within 1e-6 absolute (the kernels repeat the Java arithmetic in the same order,
 *     fused multiply-add off, so they are expected to be bit-identical);</li>
 * <li>8- and 16-bit stretch: at most 1 level apart, at least 99.99 % of samples identical;</li>
 * <li>separable convolution: within 1e-6 absolute;</li>
 * <li>the histogram_stretch step (statistics and stretch with the planes kept on the device): within 1e-5
 *     absolute, the MAD's difference carried through c0 and m.</li>
 * </ul>
 * It runs wherever a CUDA device is found; elsewhere every test is skipped with the reason (a GPU is
 * never required, also not with {@code fitsflow.strict}: CI machines have none).
 */
class GpuConformanceTest {
    private static final Path SHARED = Path.of(System.getProperty("fitsflow.shared", "../../shared"));
    private static final Path RGB_FRAME = SHARED.resolve("data/frames/seestar-rgb-ngc7023.fit");
    private static final Path SYNTHETIC_FRAME = SHARED.resolve("data/frames/synthetic-stacked.fit");
    private static final Path RAW_SUB = SHARED.resolve("data/seestar-subs/Light_NGC_7023_10.0s_IRCUT_20240730-224436.fit");

    private static final ComputeBackend CPU = Backends.cpu();
    private static ComputeBackend gpu;
    private static String notRunReason;

    @BeforeAll
    static void findDevice() {
        ComputeBackend selected = Backends.select();
        if (selected.isGpu()) {
            gpu = selected;
            System.out.println("GPU conformance: running on " + ((GpuBackend) selected).description());
        } else {
            notRunReason = "GPU conformance: NOT RUN — no CUDA device: " + Backends.gpuUnavailableReason().orElse("unknown");
            System.out.println(notRunReason);
        }
    }

    private static void requireDevice() {
        assumeTrue(gpu != null, notRunReason);
    }

    @Test
    void statisticsOfRealFramesAgree() throws IOException {
        requireDevice();
        for (Path file : new Path[] {RGB_FRAME, SYNTHETIC_FRAME, RAW_SUB}) {
            Image image = FitsReader.read(file);
            for (int c = 0; c < image.channels(); c++) {
                assertStatisticsAgree(image.plane(c), file.getFileName() + " channel " + c);
            }
        }
    }

    @Test
    void statisticsOfEdgeCasesAgree() {
        requireDevice();
        Random random = new Random(5);
        float[] withNonFinite = new float[100_000];
        for (int i = 0; i < withNonFinite.length; i++) {
            withNonFinite[i] = i % 17 == 0 ? Float.NaN : i % 29 == 0 ? Float.POSITIVE_INFINITY : (float) random.nextGaussian();
        }
        float[] evenCount = Arrays.copyOf(withNonFinite, 100_001);
        float[] constant = new float[4097];
        Arrays.fill(constant, 0.125f);
        float[] allNaN = {Float.NaN, Float.NaN};

        assertStatisticsAgree(withNonFinite, "negative values, NaN and infinities");
        assertStatisticsAgree(evenCount, "even count");
        assertStatisticsAgree(constant, "constant plane");
        ChannelStatistics none = gpu.statistics(allNaN);
        assertThat(none.count()).isZero();
        assertThat(none.median()).isNaN();
    }

    @Test
    void statisticsOfALargeFramePlaneAgree() {
        requireDevice();
        // one plane of a 6248 x 4176 frame: more elements than one grid covers, sky-like values
        Random random = new Random(9);
        float[] plane = new float[6248 * 4176];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) Math.abs(0.08 + 0.004 * random.nextGaussian());
        }
        assertStatisticsAgree(plane, "6248 x 4176 plane");
    }

    @Test
    void stretchAgrees() throws IOException {
        requireDevice();
        Image image = FitsReader.read(RGB_FRAME);
        for (int c = 0; c < image.channels(); c++) {
            float[] plane = image.plane(c);
            ChannelStatistics s = CPU.statistics(plane);
            double c0 = Math.max(0, s.median() - 2.8 * 1.4826 * s.mad());
            for (double m : new double[] {0.006, 0.25, 0.5, 0.9}) {
                float[] onCpu = plane.clone();
                float[] onGpu = plane.clone();
                CPU.stretch(onCpu, c0, m);
                gpu.stretch(onGpu, c0, m);
                assertWithin(onGpu, onCpu, 1e-6f, "channel " + c + ", m " + m);
            }
        }
        float[] edge = {Float.NaN, -1f, 0f, 0.5f, 1f, 2f, Float.NEGATIVE_INFINITY};
        for (double c0 : new double[] {0, -0.2, 1, 1.5}) {
            float[] onCpu = edge.clone();
            float[] onGpu = edge.clone();
            CPU.stretch(onCpu, c0, 0.3);
            gpu.stretch(onGpu, c0, 0.3);
            assertWithin(onGpu, onCpu, 1e-6f, "edge values, c0 " + c0);
        }
    }

    /** The histogram_stretch step, whose planes stay on the device between statistics and stretch. */
    @ParameterizedTest
    @EnumSource(value = StretchMode.class, names = {"UNLINKED", "LINKED"})
    void autoStretchStepAgrees(StretchMode mode) throws IOException {
        requireDevice();
        StfStretch step = new StfStretch(StfStretchParameters.defaults().withMode(mode));
        for (Path file : new Path[] {RGB_FRAME, SYNTHETIC_FRAME}) {
            Image onCpu = step.apply(asFloats(FitsReader.read(file)), new StepContext(CPU));
            Image onGpu = step.apply(asFloats(FitsReader.read(file)), new StepContext(gpu));
            for (int c = 0; c < onCpu.channels(); c++) {
                // the MAD's 1e-6 relative moves c0 and m, and the steep curve near the background amplifies it
                assertWithin(onGpu.plane(c), onCpu.plane(c), 1e-5f, file.getFileName() + " " + mode + " channel " + c);
            }
        }
    }

    /** The asinh and GHS curves: statistics on the device, the curve on the CPU in both cases. */
    @ParameterizedTest
    @ValueSource(strings = {"asinh", "ghs"})
    void curveStretchStepAgrees(String curve) throws IOException {
        requireDevice();
        StfStretch step = new StfStretch(StfStretchParameters.fromMap(Map.of("curve", curve)));
        for (Path file : new Path[] {RGB_FRAME, SYNTHETIC_FRAME}) {
            Image onCpu = step.apply(asFloats(FitsReader.read(file)), new StepContext(CPU));
            StepContext gpuContext = new StepContext(gpu);
            Image onGpu = step.apply(asFloats(FitsReader.read(file)), gpuContext);
            @SuppressWarnings("unchecked")
            Map<String, Object> measured = (Map<String, Object>) gpuContext.measurements().get(StfStretch.NAME);
            assertThat(measured).containsEntry("statistics_computed_on", "gpu").containsEntry("curve_computed_on", "cpu");
            for (int c = 0; c < onCpu.channels(); c++) {
                // as for the STF: only the MAD differs, through the black point and the strength found from it
                assertWithin(onGpu.plane(c), onCpu.plane(c), 1e-5f, file.getFileName() + " " + curve + " channel " + c);
            }
        }
    }

    @Test
    void aRefusedAutoStretchLeavesThePlanesAndFreesTheDevice() {
        requireDevice();
        float[][] planes = {new float[6248 * 4176], new float[6248 * 4176]};
        Arrays.fill(planes[0], 0.1f);
        Arrays.fill(planes[1], Float.NaN);
        assertStatisticsAgree(planes[0], "a plane before the refusals");
        long freeBefore = freeDeviceBytes();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> gpu.statisticsThenStretch(planes, statistics -> {
                throw new IllegalArgumentException("channel 1 has no finite pixels");
            })).hasMessageContaining("no finite pixels");
        }

        assertThat(planes[0]).containsOnly(0.1f);
        assertThat(freeDeviceBytes()).as("device memory after three refusals of 209 MB")
                .isGreaterThan(freeBefore - (16L << 20));
        assertStatisticsAgree(planes[0], "a plane after the refusals");
    }

    /** A 16-bit frame would be stretched through its codes, on the CPU; its floats take the device path. */
    private static Image asFloats(Image image) {
        image.planes();
        return image;
    }

    private static long freeDeviceBytes() {
        long[] free = new long[1];
        long[] total = new long[1];
        JCudaDriver.cuMemGetInfo(free, total);
        return free[0];
    }

    @Test
    void quantisedStretchAgrees() throws IOException {
        requireDevice();
        Image image = FitsReader.read(SYNTHETIC_FRAME);
        for (int c = 0; c < image.channels(); c++) {
            float[] plane = image.plane(c);
            float[] before = plane.clone();
            ChannelStatistics s = CPU.statistics(plane);
            double c0 = Math.max(0, s.median() - 2.8 * 1.4826 * s.mad());
            double m = 0.01;

            assertLevelsAgree(toInts(gpu.stretchTo8Bit(plane, c0, m)), toInts(CPU.stretchTo8Bit(plane, c0, m)), "8-bit channel " + c);
            assertLevelsAgree(toInts(gpu.stretchTo16Bit(plane, c0, m)), toInts(CPU.stretchTo16Bit(plane, c0, m)), "16-bit channel " + c);
            assertThat(plane).as("the plane is left unchanged").isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RGGB", "GRBG", "GBRG", "BGGR"})
    void debayerOfSmallMosaicsAgrees(String pattern) {
        requireDevice();
        Random random = new Random(pattern.hashCode());
        for (int[] size : new int[][] {{2, 2}, {3, 5}, {33, 18}}) {
            float[] mosaic = new float[size[0] * size[1]];
            for (int i = 0; i < mosaic.length; i++) {
                mosaic[i] = random.nextFloat();
            }
            float[][] onGpu = gpu.debayer(mosaic, size[0], size[1], pattern);
            float[][] onCpu = CPU.debayer(mosaic, size[0], size[1], pattern);
            for (int c = 0; c < 3; c++) {
                assertWithin(onGpu[c], onCpu[c], 1e-6f, pattern + " " + size[0] + " x " + size[1] + " channel " + c);
            }
        }
    }

    @Test
    void debayerOfARealSubAgrees() throws IOException {
        requireDevice();
        Image raw = FitsReader.read(RAW_SUB);
        String pattern = raw.header().summary().bayerPattern();
        float[][] onGpu = gpu.debayer(raw.plane(0), raw.width(), raw.height(), pattern);
        float[][] onCpu = CPU.debayer(raw.plane(0), raw.width(), raw.height(), pattern);
        for (int c = 0; c < 3; c++) {
            assertWithin(onGpu[c], onCpu[c], 1e-6f, "channel " + c);
        }
    }

    @Test
    void separableConvolutionAgrees() throws IOException {
        requireDevice();
        Image image = FitsReader.read(RGB_FRAME);
        for (double sigma : new double[] {0.7, 2.0, 5.0}) {
            float[] weights = new GaussianKernel(sigma).weights();
            float[] onGpu = gpu.convolveSeparable(image.plane(1), image.width(), image.height(), weights);
            float[] onCpu = CPU.convolveSeparable(image.plane(1), image.width(), image.height(), weights);
            assertWithin(onGpu, onCpu, 1e-6f, "sigma " + sigma);
        }
    }

    private static void assertStatisticsAgree(float[] plane, String what) {
        ChannelStatistics onCpu = CPU.statistics(plane);
        ChannelStatistics onGpu = gpu.statistics(plane);
        assertThat(onGpu.count()).as(what + ": count").isEqualTo(onCpu.count());
        assertThat(onGpu.median()).as(what + ": median").isEqualTo(onCpu.median());
        assertThat(onGpu.mad()).as(what + ": MAD").isCloseTo(onCpu.mad(), offset(1e-6 * Math.abs(onCpu.mad()) + 1e-12));
    }

    private static void assertWithin(float[] actual, float[] expected, float tolerance, String what) {
        assertThat(actual).as(what + ": length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > tolerance) {
                throw new AssertionError(what + ": sample " + i + " is " + actual[i] + " on the GPU, " + expected[i] + " on the CPU");
            }
        }
    }

    private static void assertLevelsAgree(int[] actual, int[] expected, String what) {
        assertThat(actual).as(what + ": length").hasSameSizeAs(expected);
        long different = 0;
        for (int i = 0; i < expected.length; i++) {
            int gap = Math.abs(actual[i] - expected[i]);
            assertThat(gap).as(what + ": sample " + i).isLessThanOrEqualTo(1);
            different += gap == 0 ? 0 : 1;
        }
        assertThat(different).as(what + ": samples one level apart").isLessThanOrEqualTo(expected.length / 10_000);
    }

    private static int[] toInts(byte[] levels) {
        int[] out = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = levels[i] & 0xFF;
        }
        return out;
    }

    private static int[] toInts(short[] levels) {
        int[] out = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = levels[i] & 0xFFFF;
        }
        return out;
    }
}
