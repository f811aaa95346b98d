package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one-pass median and MAD against the textbook definition, and when it declines. */
class BracketedMedianAndMadTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 1001, 65536, 300_001, 2_000_000})
    void noisyFloatsInTheUnitRangeTakeTheOnePass(int size) {
        Random random = new Random(size);
        float[] plane = new float[size];
        for (int i = 0; i < size; i++) {
            plane[i] = (float) (0.08 + 0.02 * i / size + 0.004 * random.nextGaussian());
        }

        assertThat(BracketedMedianAndMad.of(plane, Binning.UNIT_LEVELS, histogram(plane, Binning.UNIT_LEVELS), size))
                .contains(definition(plane));
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 1_000_000})
    void valuesOverTheirOwnRangeTakeTheOnePass(int size) {
        // raw ADU in floats, with one hot pixel far out: the bins are wide, the band a few of them
        Random random = new Random(size);
        float[] plane = new float[size];
        for (int i = 0; i < size; i++) {
            plane[i] = (float) (1200 + 35 * random.nextGaussian());
        }
        plane[size / 2] = 65000;
        Binning binning = Binning.over(min(plane), max(plane));

        assertThat(BracketedMedianAndMad.of(plane, binning, histogram(plane, binning), size)).contains(definition(plane));
    }

    @Test
    void skewedAndHeavyTailedSkiesTakeTheOnePass() {
        Random random = new Random(5);
        float[] plane = new float[1_500_001];
        for (int i = 0; i < plane.length; i++) {
            double sky = 0.05 + 0.003 * random.nextGaussian();
            plane[i] = (float) (i % 7 == 0 ? sky + 0.2 * Math.pow(random.nextDouble(), 4) : sky);
        }

        assertThat(BracketedMedianAndMad.of(plane, Binning.UNIT_LEVELS, histogram(plane, Binning.UNIT_LEVELS), plane.length))
                .contains(definition(plane));
    }

    @Test
    void aMedianBetweenTwoClustersIsExact() {
        // the median's ranks lie in bins far apart: every value's deviation is about the same, all in the band
        float[] plane = twoClusters(200_000);

        assertThat(BracketedMedianAndMad.of(plane, Binning.UNIT_LEVELS, histogram(plane, Binning.UNIT_LEVELS), plane.length))
                .contains(definition(plane));
    }

    @Test
    void declinesWhenTheBandHoldsTooManyValuesToSort() {
        float[] plane = twoClusters(2_200_000);

        assertThat(BracketedMedianAndMad.of(plane, Binning.UNIT_LEVELS, histogram(plane, Binning.UNIT_LEVELS), plane.length))
                .isEmpty();
        assertThat(OrderStatistics.medianAndMad(plane)).isEqualTo(definition(plane));
    }

    @Test
    void declinesWhenTheMediansBinHoldsTooManyValuesToSort() {
        // noise far below a bin's width: nearly every value shares the median's bin
        float[] plane = new float[3_000_000];
        Random random = new Random(4);
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) (0.3 + 1e-7 * random.nextGaussian());
        }

        assertThat(BracketedMedianAndMad.of(plane, Binning.UNIT_LEVELS, histogram(plane, Binning.UNIT_LEVELS), plane.length))
                .isEmpty();
        assertThat(OrderStatistics.medianAndMad(plane)).isEqualTo(definition(plane));
    }

    /** An even count split between two tight clusters. */
    private static float[] twoClusters(int size) {
        Random random = new Random(2);
        float[] plane = new float[size];
        for (int i = 0; i < size; i++) {
            plane[i] = (float) ((i % 2 == 0 ? 0.1 : 0.9) + 1e-4 * random.nextGaussian());
        }
        return plane;
    }

    private static long[] histogram(float[] plane, Binning binning) {
        long[] counts = new long[Binning.BINS];
        for (float x : plane) {
            counts[binning.bin(x)]++;
        }
        return counts;
    }

    /** Sort the values widened to double, take the middle; the same for the deviations from it. */
    private static ChannelStatistics definition(float[] plane) {
        double[] values = new double[plane.length];
        for (int i = 0; i < plane.length; i++) {
            values[i] = plane[i];
        }
        double median = middle(values);
        return new ChannelStatistics(median, middle(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray()), plane.length);
    }

    private static double middle(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static float min(float[] plane) {
        float min = Float.POSITIVE_INFINITY;
        for (float x : plane) {
            min = Math.min(min, x);
        }
        return min;
    }

    private static float max(float[] plane) {
        float max = Float.NEGATIVE_INFINITY;
        for (float x : plane) {
            max = Math.max(max, x);
        }
        return max;
    }
}
