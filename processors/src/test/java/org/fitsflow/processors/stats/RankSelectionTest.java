package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Selection against the sorted array, on inputs that trouble partitioning: ties, order, reverse order. */
class RankSelectionTest {

    @Test
    void pairsEqualTheSortedValuesAtEveryRankOfSmallArrays() {
        Random random = new Random(1);
        for (int size = 1; size <= 40; size++) {
            double[] values = random.doubles(size).map(v -> Math.floor(v * 7)).toArray();
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int lower = 0; lower < size; lower++) {
                int upper = Math.min(lower + 1, size - 1);
                assertThat(RankSelection.pair(values.clone(), lower, upper)).containsExactly(sorted[lower], sorted[upper]);
                assertThat(RankSelection.pair(values.clone(), lower, lower)).containsExactly(sorted[lower], sorted[lower]);
            }
        }
    }

    @Test
    void largeArraysInAnyOrderGiveTheSortedValues() {
        Random random = new Random(2);
        double[] noisy = random.doubles(200_001).map(v -> Math.abs(v - 0.5)).toArray();
        double[] ascending = noisy.clone();
        Arrays.sort(ascending);
        double[] descending = new double[ascending.length];
        for (int i = 0; i < ascending.length; i++) {
            descending[i] = ascending[ascending.length - 1 - i];
        }
        double[] twoValues = random.ints(200_000, 0, 2).asDoubleStream().toArray();
        double[] constant = new double[100_000];

        for (double[] values : new double[][] {noisy, ascending, descending, twoValues, constant}) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int lower : new int[] {0, values.length / 3, values.length / 2 - 1, values.length - 2}) {
                assertThat(RankSelection.pair(values.clone(), lower, lower + 1)).containsExactly(sorted[lower], sorted[lower + 1]);
            }
        }
    }
}
