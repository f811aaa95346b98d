package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
