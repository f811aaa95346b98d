package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.fitsflow.processors.stats.MidtonesTransfer;
import org.fitsflow.processors.stats.SixteenBitLevels;
import org.junit.jupiter.api.Test;

class CpuBackendStretchTest {
    /** Large enough for the table of stretched 16-bit levels. */
    private static final int PIXELS = 1 << 19;

    @Test
    void aLargePlaneOfLevelsAndOtherValuesIsStretchedExactlyAsEachPixelAlone() {
        Random random = new Random(7);
        float[] plane = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            plane[i] = switch (i % 8) {
                case 0 -> random.nextFloat();
                case 1 -> Float.NaN;
                case 2 -> -random.nextFloat();
                case 3 -> 1 + random.nextFloat();
                default -> SixteenBitLevels.value(random.nextInt(SixteenBitLevels.COUNT));
            };
        }
        float[] expected = new float[PIXELS];
        double c0 = 0.0123;
        double m = 0.0456;
        for (int i = 0; i < PIXELS; i++) {
            expected[i] = Float.isFinite(plane[i]) ? (float) MidtonesTransfer.apply(m, (plane[i] - c0) / (1 - c0)) : 0f;
        }

        new CpuBackend().stretch(plane, c0, m);

        // the same formula, only 1 / (1 - c0) multiplied rather than divided: at most an ulp apart
        double largest = 0;
        for (int i = 0; i < PIXELS; i++) {
            largest = Math.max(largest, Math.abs(plane[i] - expected[i]));
        }
        assertThat(largest).isLessThanOrEqualTo(1e-7);
    }
}
