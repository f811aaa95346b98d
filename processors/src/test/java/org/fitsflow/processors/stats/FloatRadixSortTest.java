package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatRadixSortTest {

    @Test
    void sortsAsArraysSortDoesIncludingSignedZerosAndExtremes() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(3000);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = switch (random.nextInt(8)) {
                    case 0 -> 0.0f;
                    case 1 -> -0.0f;
                    case 2 -> (float) random.nextGaussian() * 1e-30f;
                    case 3 -> random.nextBoolean() ? Float.MAX_VALUE : -Float.MAX_VALUE;
                    case 4 -> random.nextInt(65536) / 65535f;
                    default -> (float) random.nextGaussian() * 100;
                };
            }
            float[] expected = values.clone();
            Arrays.sort(expected);

            FloatRadixSort.sort(values, n, new int[2 * n]);

            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToRawIntBits(values[i])).as("index %d of %d", i, n)
                        .isEqualTo(Float.floatToRawIntBits(expected[i]));
            }
        }
    }

    @Test
    void leavesTheValuesBeyondTheCountAlone() {
        float[] values = {3f, 1f, 2f, -5f, 9f};

        FloatRadixSort.sort(values, 3, new int[6]);

        assertThat(values).containsExactly(1f, 2f, 3f, -5f, 9f);
    }
}
