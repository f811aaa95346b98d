package org.fitsflow.processors.backend.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The host half of the GPU statistics, driven by histograms counted here in Java the way the kernel counts them. */
class RadixSelectionTest {

    @Test
    void keysKeepTheOrderOfFloatsAndRoundTrip() {
        float[] ascending = {Float.NEGATIVE_INFINITY, -3.5f, -1e-30f, -0.0f, 0.0f, Float.MIN_VALUE, 1e-7f, 0.5f, 1.0f, 7e30f};
        for (int i = 0; i < ascending.length; i++) {
            assertThat(RadixSelection.valueOf(RadixSelection.keyOf(ascending[i]))).isEqualTo(ascending[i]);
            if (i > 0) {
                assertThat(Integer.compareUnsigned(RadixSelection.keyOf(ascending[i - 1]), RadixSelection.keyOf(ascending[i])))
                        .isNegative();
            }
        }
    }

    @Test
    void selectsEveryRankExactlyAsSortingDoes() {
        Random random = new Random(7);
        float[] values = new float[20_001];
        for (int i = 0; i < values.length; i++) {
            // sky-like: a narrow background with many equal values, a few stars, some negatives after calibration
            values[i] = i % 50 == 0 ? random.nextFloat() : (float) (0.1 + 0.001 * Math.round(random.nextGaussian() * 20) / 20.0);
            if (i % 997 == 0) {
                values[i] = -values[i];
            }
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        RadixSelection selection = new RadixSelection(histogramOf(values));

        assertThat(selection.count()).isEqualTo(values.length);
        for (int rank = 0; rank < values.length; rank += 37) {
            assertThat(selection.select(rank)).as("rank %d", rank).isEqualTo(sorted[rank]);
        }
        assertThat(selection.select(values.length / 2)).isEqualTo(sorted[values.length / 2]);
        assertThat(selection.select(values.length - 1)).isEqualTo(sorted[values.length - 1]);
    }

    @Test
    void leavesNonFiniteValuesOut() {
        float[] values = {Float.NaN, 0.3f, Float.POSITIVE_INFINITY, 0.1f, Float.NEGATIVE_INFINITY, 0.2f};
        RadixSelection selection = new RadixSelection(histogramOf(values));

        assertThat(selection.count()).isEqualTo(3);
        assertThat(selection.select(0)).isEqualTo(0.1f);
        assertThat(selection.select(1)).isEqualTo(0.2f);
        assertThat(selection.select(2)).isEqualTo(0.3f);
    }

    /** The kernel histogramKeys, one thread: finite values only, keys filtered by prefix, binned by digit. */
    private static RadixSelection.KeyHistogram histogramOf(float[] values) {
        return (prefix, prefixShift, binShift, binCount) -> {
            long[] bins = new long[binCount];
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    continue;
                }
                int key = RadixSelection.keyOf(v);
                if (prefixShift < 32 && (key >>> prefixShift) != prefix) {
                    continue;
                }
                bins[(key >>> binShift) & (binCount - 1)]++;
            }
            return bins;
        };
    }
}
