package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static final int W = 40;
    private static final int H = 30;

    @Test
    void integerShiftsMoveThePixelsExactly() {
        float[] source = ramp();
        for (Interpolation interpolation : Interpolation.values()) {
            float[] out = Resampler.resample(source, W, H, new RigidTransform(0, 3, -2), interpolation);
            assertThat(out[10 * W + 10]).as(interpolation.name()).isEqualTo(source[8 * W + 13]);
        }
    }

    @Test
    void bothInterpolationsReproduceALinearRampAtSubPixelShifts() {
        float[] source = ramp();
        for (Interpolation interpolation : Interpolation.values()) {
            float[] out = Resampler.resample(source, W, H, new RigidTransform(0, 0.3, 0.7), interpolation);
            assertThat(out[15 * W + 20]).as(interpolation.name()).isCloseTo(value(20.3, 15.7), within(1e-6f));
        }
    }

    @Test
    void pixelsMappedOutsideTheSourceAreNan() {
        float[] out = Resampler.resample(ramp(), W, H, new RigidTransform(Math.toRadians(5), 10, 0), Interpolation.BICUBIC);
        assertThat(out[5 * W + W - 1]).isNaN();
        assertThat(out[5 * W + 5]).isNotNaN();
    }

    @Test
    void bicubicStaysInTheUnitRangeBesideASharpPeak() {
        float[] source = new float[W * H];
        source[15 * W + 20] = 1f;
        float[] out = Resampler.resample(source, W, H, new RigidTransform(0, 0.5, 0.5), Interpolation.BICUBIC);
        for (float v : out) {
            assertThat(Float.isNaN(v) || v >= 0 && v <= 1).isTrue();
        }
    }

    /**
     * The resampler against the textbook form of both kernels (weights in arrays, a loop over taps, the clamp
     * through Math.min and Math.max), on random noise with a NaN and a few exact zeros, for turns of up to 20
     * degrees and shifts of up to 15 pixels that take part of the grid outside the source, and for turns within
     * 0.3 degrees and shifts within 2 pixels, as between the subs of a night (long runs of pixels whose taps
     * are at the same offsets), band by band into an offset: every output value is the same float, bit for bit
     * (NaN where the reference gives NaN).
     */
    @Test
    void matchesTheTextbookKernelsOnRandomTurnsAndBorders() {
        Random random = new Random(7);
        float[][] sources = new float[3][W * H];
        for (float[] plane : sources) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = random.nextInt(10) == 0 ? 0f : random.nextFloat();
            }
        }
        sources[1][12 * W + 17] = Float.NaN;
        for (int trial = 0; trial < 60; trial++) {
            boolean small = trial % 3 == 0;
            double degrees = small ? random.nextDouble() * 0.6 - 0.3 : random.nextDouble() * 40 - 20;
            double shifts = small ? 2 : 15;
            RigidTransform transform = new RigidTransform(Math.toRadians(degrees),
                    (random.nextDouble() * 2 - 1) * shifts, (random.nextDouble() * 2 - 1) * shifts);
            for (Interpolation interpolation : Interpolation.values()) {
                int y0 = random.nextInt(H / 2);
                int rows = 1 + random.nextInt(H - y0);
                int offset = random.nextInt(5);
                float[][] out = new float[3][offset + rows * W];
                Resampler.resampleRows(sources, W, H, transform, interpolation, y0, rows, out, offset);
                double c = Math.cos(transform.angle());
                double s = Math.sin(transform.angle());
                for (int y = y0; y < y0 + rows; y++) {
                    for (int x = 0; x < W; x++) {
                        // the resampler's own order of operations, so that both see the same positions
                        double px = c * x + (-s * y + transform.tx());
                        double py = s * x + (c * y + transform.ty());
                        for (int p = 0; p < 3; p++) {
                            float expected = interpolation == Interpolation.BICUBIC
                                    ? TextbookKernels.bicubic(sources[p], W, H, px, py)
                                    : TextbookKernels.bilinear(sources[p], W, H, px, py);
                            assertThat(Float.floatToIntBits(out[p][offset + (y - y0) * W + x]))
                                    .as("%s %s at (%d, %d) plane %d", interpolation, transform, x, y, p)
                                    .isEqualTo(Float.floatToIntBits(expected));
                        }
                    }
                }
            }
        }
    }

    private static float[] ramp() {
        float[] plane = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                plane[y * W + x] = value(x, y);
            }
        }
        return plane;
    }

    private static float value(double x, double y) {
        return (float) (0.1 + 0.01 * x + 0.005 * y);
    }
}
