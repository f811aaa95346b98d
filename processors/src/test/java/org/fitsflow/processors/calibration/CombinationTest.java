package org.fitsflow.processors.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CombinationTest {
    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndIgnoresNaN() {
        assertThat(Combination.MEDIAN.combine(new float[] {4, Float.NaN, 1, 3, 2}, 5, 3)).isEqualTo(2.5f);
        assertThat(Combination.MEDIAN.combine(new float[] {Float.NaN, Float.POSITIVE_INFINITY}, 2, 3)).isNaN();
    }

    @Test
    void winsorizedClippingAveragesThreeValuesOrFewerAsTheyAre() {
        assertThat(Combination.WINSORIZED.combine(new float[] {1, 2, 9}, 3, 3)).isEqualTo(4f);
        assertThat(Combination.WINSORIZED.combine(new float[] {5}, 1, 3)).isEqualTo(5f);
    }

    @Test
    void winsorizedClippingAgreesWithTheIndependentDefinitionOnNoisyStacksWithOutliers() {
        Random random = new Random(4);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 4 + random.nextInt(40);
            float[] values = new float[n];
            double[] copy = new double[n];
            for (int i = 0; i < n; i++) {
                double v = 0.1 + 0.01 * random.nextGaussian();
                if (random.nextDouble() < 0.1) {
                    v += (random.nextBoolean() ? 1 : -1) * 0.2 * random.nextDouble();
                }
                values[i] = (float) v;
                copy[i] = values[i];
            }
            double kappa = 1.5 + 2 * random.nextDouble();

            float combined = Combination.WINSORIZED.combine(values, n, kappa);

            assertThat((double) combined).as("trial %d", trial).isCloseTo(IndependentWinsorized.mean(copy, kappa), within(1e-6));
        }
    }
}
