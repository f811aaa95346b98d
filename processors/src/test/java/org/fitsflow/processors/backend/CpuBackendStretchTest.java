package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Random;
import org.fitsflow.processors.stats.MidtonesTransfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Properties of the stretch kernel: range, order, edge cases. */
class CpuBackendStretchTest {
    private final CpuBackend backend = new CpuBackend();

    @ParameterizedTest
    @CsvSource({"0, 0.5", "0.01, 0.006", "0.2, 0.9", "-0.1, 0.3", "0.5, 0.0001"})
    void isMonotonicAndStaysInTheUnitRange(double c0, double m) {
        float[] plane = new float[200_001];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = -0.25f + 1.5f * i / (plane.length - 1);
        }

        backend.stretch(plane, c0, m);

        for (int i = 0; i < plane.length; i++) {
            assertThat(plane[i]).isBetween(0f, 1f);
            if (i > 0) {
                assertThat(plane[i]).isGreaterThanOrEqualTo(plane[i - 1]);
            }
        }
    }

    @Test
    void appliesTheMidtonesTransferToTheClippedValue() {
        Random random = new Random(1);
        float[] plane = new float[100_000];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = random.nextFloat();
        }
        float[] original = plane.clone();

        backend.stretch(plane, 0.05, 0.1);

        for (int i = 0; i < plane.length; i++) {
            double expected = MidtonesTransfer.apply(0.1, Math.max(0, Math.min(1, (original[i] - 0.05) / 0.95)));
            assertThat((double) plane[i]).isCloseTo(expected, offset(1e-7));
        }
    }

    @Test
    void nonFinitePixelsBecomeZero() {
        float[] plane = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.5f};

        backend.stretch(plane, 0.1, 0.2);

        assertThat(plane).containsExactly(0f, 0f, 0f, (float) MidtonesTransfer.apply(0.2, 0.4 / 0.9));
    }

    @Test
    void endsStayPutAndOneHalfWithoutClipIsTheIdentity() {
        float[] plane = {0f, 0.3f, 1f};
        backend.stretch(plane, 0, 0.5);
        assertThat(plane).containsExactly(0f, 0.3f, 1f);

        float[] ends = {0f, 1f};
        backend.stretch(ends, 0, 0.01);
        assertThat(ends).containsExactly(0f, 1f);
    }

    @Test
    void constantImageAtTheShadowsClipBecomesBlack() {
        float[] plane = new float[50_000];
        java.util.Arrays.fill(plane, 0.2f);

        backend.stretch(plane, 0.2f, 0.3);

        assertThat(plane).containsOnly(0f);
    }

    @Test
    void onePixel() {
        float[] plane = {0.6f};
        backend.stretch(plane, 0.2, 0.25);
        assertThat((double) plane[0]).isCloseTo(MidtonesTransfer.apply(0.25, (0.6f - 0.2) / 0.8), offset(1e-7));
    }

    @Test
    void shadowsClipAtOrAboveOneLeavesNothing() {
        float[] plane = {0.2f, 1f, 0.99f};
        backend.stretch(plane, 1, 0.25);
        assertThat(plane).containsOnly(0f);
    }

    @Test
    void rejectsParametersOutsideTheirRange() {
        float[] plane = {0.5f};
        assertThatThrownBy(() -> backend.stretch(plane, 0, 1.5)).hasMessage("midtones balance m must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> backend.stretch(plane, Double.NaN, 0.5)).hasMessage("shadows clip c0 must be a number");
        assertThat(plane).containsExactly(0.5f);
    }
}
