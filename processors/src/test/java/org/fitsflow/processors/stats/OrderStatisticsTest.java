package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.fitsflow.processors.image.CodedImages;
import org.fitsflow.processors.image.CodedPlanes;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The histogram selection against the textbook definition: sort the finite values and pick. */
class OrderStatisticsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 1000, 1001, 65537, 300_001, 300_002})
    void medianAndMadEqualTheSortedDefinition(int size) {
        Random random = new Random(size);
        float[] plane = new float[size];
        for (int i = 0; i < size; i++) {
            double v = random.nextDouble();
            plane[i] = (float) (v * v);
        }

        ChannelStatistics statistics = OrderStatistics.medianAndMad(plane);

        double median = sortedMedian(toDoubles(plane));
        double[] deviations = Arrays.stream(toDoubles(plane)).map(v -> Math.abs(v - median)).toArray();
        assertThat(statistics.count()).isEqualTo(size);
        assertThat(statistics.median()).isEqualTo(median);
        assertThat(statistics.mad()).isEqualTo(sortedMedian(deviations));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 999, 1000, 1_000_000, 1_000_001})
    void sixteenBitLevelsAreCountedExactly(int size) {
        // values exactly on the 16-bit levels take the counting path: same results as the definition
        Random random = new Random(size);
        float[] plane = new float[size];
        for (int i = 0; i < size; i++) {
            plane[i] = (float) ((700 + (int) Math.abs(random.nextGaussian() * 40) + (i % 1000 == 0 ? 60000 : 0)) / 65535.0);
        }
        assertMatchesDefinition(plane);
    }

    @Test
    void offLevelAndOutOfRangeValuesTakeTheGeneralPath() {
        Random random = new Random(11);
        float[] onLevelsButOne = new float[500_000];
        float[] withNegatives = new float[500_000];
        for (int i = 0; i < onLevelsButOne.length; i++) {
            onLevelsButOne[i] = (float) (random.nextInt(3000) / 65535.0);
            withNegatives[i] = (float) random.nextGaussian() * 0.01f;
        }
        onLevelsButOne[12345] = 0.0123456f;
        withNegatives[7] = Float.NaN;
        withNegatives[8] = 3.5f;

        assertMatchesDefinition(onLevelsButOne);
        assertMatchesDefinition(withNegatives);
    }

    /** Read off the counts of the codes: the figures of the float path, BLANK (NaN) taking no part. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCodedChannelGivesTheFiguresOfItsFloats(boolean blanks) {
        Image image = CodedImages.sky(1001, 999, 1, 21, blanks);
        CodedPlanes coded = image.coded().orElseThrow();

        Optional<ChannelStatistics> fromCodes = OrderStatistics.medianAndMad(coded.codeCounts(0), coded.values()[0]);

        assertThat(fromCodes).contains(OrderStatistics.medianAndMad(CodedImages.asFloats(image).plane(0)));
    }

    @Test
    void codeValuesOffTheSixteenBitLevelsNeedTheFloats() {
        float[] values = CodedImages.uint16Values(false);
        values[5] = 0.123456f;
        long[] counts = new long[CodedPlanes.CODES];
        counts[5] = 1;
        counts[6] = 2;

        assertThat(OrderStatistics.medianAndMad(counts, values)).isEmpty();
    }

    @Test
    void nonFiniteValuesTakeNoPart() {
        float[] plane = {Float.NaN, 0.3f, Float.POSITIVE_INFINITY, 0.1f, Float.NEGATIVE_INFINITY, 0.2f, 0.9f};

        ChannelStatistics statistics = OrderStatistics.medianAndMad(plane);

        assertThat(statistics.count()).isEqualTo(4);
        assertThat(statistics.median()).isEqualTo((0.2f + (double) 0.3f) / 2);
        // deviations from 0.25: 0.15, 0.05, 0.05, 0.65 (in float-widened arithmetic)
        double median = statistics.median();
        assertThat(statistics.mad()).isEqualTo((Math.abs(0.2f - median) + Math.abs(0.1f - median)) / 2);
    }

    @Test
    void allNonFiniteGivesCountZeroAndNaN() {
        ChannelStatistics statistics = OrderStatistics.medianAndMad(new float[] {Float.NaN, Float.POSITIVE_INFINITY});

        assertThat(statistics.count()).isZero();
        assertThat(statistics.median()).isNaN();
        assertThat(statistics.mad()).isNaN();
        assertThat(OrderStatistics.medianAndMad(new float[0]).count()).isZero();
    }

    @Test
    void constantImageHasItsValueAsMedianAndZeroMad() {
        float[] plane = new float[2_000_000];
        Arrays.fill(plane, 0.125f);

        ChannelStatistics statistics = OrderStatistics.medianAndMad(plane);

        assertThat(statistics).isEqualTo(new ChannelStatistics(0.125, 0, 2_000_000));
    }

    @Test
    void onePixel() {
        assertThat(OrderStatistics.medianAndMad(new float[] {0.7f})).isEqualTo(new ChannelStatistics(0.7f, 0, 1));
    }

    @Test
    void plateauTooLargeToSortIsNarrowedAndStaysExact() {
        // 1.5 M equal values around a few spread ones: the median's bin exceeds the sort limit
        Random random = new Random(7);
        float[] plane = new float[2_500_000];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = i % 5 < 3 ? 0.5f + (i % 2) * 1e-7f : random.nextFloat();
        }
        ChannelStatistics statistics = OrderStatistics.medianAndMad(plane);

        double median = sortedMedian(toDoubles(plane));
        double[] deviations = Arrays.stream(toDoubles(plane)).map(v -> Math.abs(v - median)).toArray();
        assertThat(statistics.median()).isEqualTo(median);
        assertThat(statistics.mad()).isEqualTo(sortedMedian(deviations));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoValuesEachHoldingHalfOfAPlaneTooLargeToSortAreExact() {
        // the median's two ranks lie in two bins far apart, together too full to sort
        float[] plane = new float[2_400_000];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = i % 2 == 0 ? 0.2500001f : 0.7500001f;
        }
        float[] withNegatives = new float[2_400_000];
        for (int i = 0; i < withNegatives.length; i++) {
            withNegatives[i] = i % 2 == 0 ? -1.5f : 2.5f;
        }

        assertMatchesDefinition(plane);
        assertMatchesDefinition(withNegatives);
        assertThat(OrderStatistics.quantile(plane, 0.5)).isEqualTo((0.2500001f + (double) 0.7500001f) / 2);
    }

    @Test
    void quantileInterpolatesLinearlyBetweenRanksAsNumpy() {
        float[] plane = {4, 1, Float.NaN, 3, 2};

        assertThat(OrderStatistics.quantile(plane, 0)).isEqualTo(1);
        assertThat(OrderStatistics.quantile(plane, 1)).isEqualTo(4);
        assertThat(OrderStatistics.quantile(plane, 0.5)).isEqualTo(2.5);
        // numpy.percentile([1, 2, 3, 4], 10) = 1.3
        assertThat(OrderStatistics.quantile(plane, 0.1)).isCloseTo(1.3, offset(1e-12));
        assertThat(OrderStatistics.quantile(new float[] {Float.NaN}, 0.5)).isNaN();
        assertThatThrownBy(() -> OrderStatistics.quantile(plane, 1.5)).hasMessageContaining("[0, 1]");
    }

    @Test
    void quantilesEqualTheSortedDefinitionOnEveryPath() {
        Random random = new Random(3);
        float[] gaussian = new float[1_000_003];
        float[] unitFloats = new float[1_000_003];
        float[] levels = new float[1_000_003];
        for (int i = 0; i < gaussian.length; i++) {
            gaussian[i] = (float) random.nextGaussian();
            unitFloats[i] = random.nextFloat();
            levels[i] = (float) (random.nextInt(65536) / 65535.0);
        }
        for (float[] plane : List.of(gaussian, unitFloats, levels)) {
            double[] sorted = toDoubles(plane);
            Arrays.sort(sorted);
            double[] fractions = {0.001, 0.25, 0.999};
            double[] quantiles = OrderStatistics.quantiles(plane, fractions);
            for (int q = 0; q < fractions.length; q++) {
                double position = fractions[q] * (sorted.length - 1);
                int lower = (int) Math.floor(position);
                double expected = sorted[lower] + (position - lower) * (sorted[lower + 1] - sorted[lower]);
                assertThat(quantiles[q]).isEqualTo(expected);
            }
        }
    }

    private static void assertMatchesDefinition(float[] plane) {
        ChannelStatistics statistics = OrderStatistics.medianAndMad(plane);

        double[] finite = Arrays.stream(toDoubles(plane)).filter(Double::isFinite).toArray();
        double median = sortedMedian(finite);
        double[] deviations = Arrays.stream(finite).map(v -> Math.abs(v - median)).toArray();
        assertThat(statistics.count()).isEqualTo(finite.length);
        assertThat(statistics.median()).isEqualTo(median);
        assertThat(statistics.mad()).isEqualTo(sortedMedian(deviations));
    }

    private static double sortedMedian(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = finite.length;
        return n % 2 == 1 ? finite[n / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
    }

    private static double[] toDoubles(float[] plane) {
        double[] values = new double[plane.length];
        for (int i = 0; i < plane.length; i++) {
            values[i] = plane[i];
        }
        return values;
    }
}
