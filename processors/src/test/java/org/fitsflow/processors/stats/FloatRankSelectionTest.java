package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatRankSelectionTest {
    /** Against sorting: negative and positive values, ties, values a few ulps apart, tiny and huge ones. */
    @Test
    void givesTheValueOfEveryRankThatSortingGives() {
        Random random = new Random(12);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(trial < 100 ? 40 : 5000);
            float[] values = new float[n + 3];
            for (int i = 0; i < n; i++) {
                values[i] = switch (random.nextInt(5)) {
                    case 0 -> (float) random.nextGaussian();
                    case 1 -> random.nextInt(5) - 2f;
                    case 2 -> Math.nextUp(1f) * random.nextInt(3);
                    case 3 -> (float) (random.nextGaussian() * 1e-30);
                    default -> (float) (random.nextGaussian() * 1e30);
                };
            }
            float[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            float[] before = values.clone();
            for (int k : new int[] {0, n / 2, n - 1, random.nextInt(n)}) {
                assertThat(FloatRankSelection.valueOfRank(values, n, k)).as("rank %d of %d", k, n).isEqualTo(sorted[k]);
            }
            assertThat(values).isEqualTo(before);
        }
    }

    @Test
    void ranksNegativeZeroBelowPositiveZero() {
        float[] values = {0f, -0f, 1f, -1f};
        assertThat(Float.floatToRawIntBits(FloatRankSelection.valueOfRank(values, 4, 1)))
                .isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(Float.floatToRawIntBits(FloatRankSelection.valueOfRank(values, 4, 2)))
                .isEqualTo(Float.floatToRawIntBits(0f));
    }
}
