package org.fitsflow.processors.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * Exact order statistics (median, MAD, quantiles) of the finite values of a large plane without sorting
 * a copy of it. The first pass histograms the plane on the 65536 levels of 16-bit data over [0, 1] and
 * notes whether every value is exactly such a level: then the median and MAD follow from the counts
 * alone (one pass for the usual 16-bit frames). Otherwise the median and MAD usually take one more pass
 * ({@link BracketedMedianAndMad}). Failing that, and for quantiles, the bin holding the wanted rank is
 * located and only its values are collected and sorted; a bin too full to sort (a plateau) is narrowed to
 * its own value range and histogrammed again. Values outside [0, 1] get a histogram over their own range.
 * Results equal numpy's {@code median}, {@code median(abs(x - median))} and {@code percentile} (linear
 * interpolation) on the values widened to double.
 */
public final class OrderStatistics {
    private static final int BINS = Binning.BINS;

    private OrderStatistics() {
    }

    /** Median and MAD (unscaled) of the finite values; count 0 and NaN median and MAD when there are none. */
    public static ChannelStatistics medianAndMad(float[] plane) {
        LevelHistogram first = LevelHistogram.of(plane);
        if (first.count() == 0) {
            return new ChannelStatistics(Double.NaN, Double.NaN, 0);
        }
        if (first.outside() == 0 && first.allLevels()) {
            return fromLevels(first.counts(), first.count());
        }
        if (first.outside() == 0) {
            return medianAndMad(plane, Binning.UNIT_LEVELS, first.counts(), first.count());
        }
        FiniteRange range = finiteRange(plane);
        if (range.min == range.max) {
            return new ChannelStatistics(range.min, 0, range.count);
        }
        Binning binning = Binning.over(range.min, range.max);
        return medianAndMad(plane, binning, new Values(plane, 0, false).histogram(binning), range.count);
    }

    /** Median and MAD of finite values that all lie in the binning's range, given their histogram. */
    private static ChannelStatistics medianAndMad(float[] plane, Binning binning, long[] histogram, long count) {
        return BracketedMedianAndMad.of(plane, binning, histogram, count).orElseGet(() -> {
            double median = middle(new Values(plane, 0, false), binning, histogram, count);
            double largestDeviation = Math.max(median - binning.lo(), binning.hi() - median);
            double mad = largestDeviation == 0 ? 0
                    : middle(new Values(plane, median, true), Binning.over(0, largestDeviation), null, count);
            return new ChannelStatistics(median, mad, count);
        });
    }

    /**
     * Median and MAD (unscaled) of a coded channel, read off the counts of its codes ({@code codeCounts[k]}
     * pixels hold the value {@code values[k]}): the same figures as {@link #medianAndMad(float[])} on the
     * channel's floats. Empty when a code in use has a finite value off the 16-bit levels; the floats then
     * need the general method.
     */
    public static Optional<ChannelStatistics> medianAndMad(long[] codeCounts, float[] values) {
        long[] counts = new long[BINS];
        long count = 0;
        for (int k = 0; k < codeCounts.length; k++) {
            if (codeCounts[k] == 0 || !Float.isFinite(values[k])) {
                continue;
            }
            int level = SixteenBitLevels.levelOf(values[k]);
            if (level < 0) {
                return Optional.empty();
            }
            counts[level] += codeCounts[k];
            count += codeCounts[k];
        }
        return Optional.of(count == 0 ? new ChannelStatistics(Double.NaN, Double.NaN, 0) : fromLevels(counts, count));
    }

    /**
     * The {@code fraction} (0..1) quantile of the finite values, interpolated linearly between the two
     * nearest ranks as numpy's default; NaN when there are no finite values.
     */
    public static double quantile(float[] plane, double fraction) {
        return quantiles(plane, fraction)[0];
    }

    /** Several quantiles as {@link #quantile}, sharing the histogram passes. */
    public static double[] quantiles(float[] plane, double... fractions) {
        for (double fraction : fractions) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("quantile fraction must be in [0, 1], got " + fraction);
            }
        }
        double[] results = new double[fractions.length];
        LevelHistogram first = LevelHistogram.of(plane);
        if (first.count() == 0) {
            Arrays.fill(results, Double.NaN);
            return results;
        }
        Values samples = new Values(plane, 0, false);
        Binning binning = Binning.UNIT_LEVELS;
        long[] histogram = first.counts();
        if (first.outside() > 0) {
            FiniteRange range = finiteRange(plane);
            binning = Binning.over(range.min, range.max);
            histogram = range.min < range.max ? samples.histogram(binning) : null;
        }
        for (int q = 0; q < fractions.length; q++) {
            double position = fractions[q] * (first.count() - 1);
            long lower = (long) Math.floor(position);
            long upper = Math.min(lower + 1, first.count() - 1);
            double[] pair = first.outside() == 0 && first.allLevels()
                    ? new double[] {level(Binning.binOfRank(histogram, lower)), level(Binning.binOfRank(histogram, upper))}
                    : select(samples, binning, histogram, lower, upper);
            results[q] = pair[0] + (position - lower) * (pair[1] - pair[0]);
        }
        return results;
    }

    /** Median and MAD when every value is a 16-bit level: both read off the level counts. */
    private static ChannelStatistics fromLevels(long[] counts, long count) {
        long upper = count / 2;
        long lower = count % 2 == 0 ? upper - 1 : upper;
        int lowerLevel = Binning.binOfRank(counts, lower);
        double median = (level(lowerLevel) + level(Binning.binOfRank(counts, upper))) / 2;
        double[] deviations = BinnedDeviations.ofRanks(counts, OrderStatistics::level, median, lowerLevel, lower, upper);
        return new ChannelStatistics(median, (deviations[0] + deviations[1]) / 2, count);
    }

    private static double level(int k) {
        return SixteenBitLevels.value(k);
    }

    private static double middle(Values values, Binning binning, long[] histogram, long count) {
        long upper = count / 2;
        long lower = count % 2 == 0 ? upper - 1 : upper;
        double[] pair = select(values, binning, histogram, lower, upper);
        return (pair[0] + pair[1]) / 2;
    }

    /**
     * The values of rank {@code lower} and {@code upper} (equal or adjacent, 0-based) among the values,
     * all of which lie in the binning's range; {@code histogram} is that binning's histogram when known.
     */
    private static double[] select(Values values, Binning binning, long[] histogram, long lower, long upper) {
        long below = 0;
        while (binning.lo() < binning.hi()) {
            long[] counts = histogram != null ? histogram : values.histogram(binning);
            histogram = null;
            int lowerBin = Binning.binOfRank(counts, lower - below);
            int upperBin = Binning.binOfRank(counts, upper - below);
            long before = Binning.countIn(counts, 0, lowerBin - 1);
            if (Binning.countIn(counts, lowerBin, upperBin) <= CollectedValues.LIMIT) {
                double[] collected = values.collect(binning, lowerBin, upperBin);
                Arrays.sort(collected);
                long offset = below + before;
                return new double[] {collected[(int) (lower - offset)], collected[(int) (upper - offset)]};
            }
            if (lowerBin != upperBin) {
                // narrowed to the span of two full bins, two values (half the plane each) would fill the
                // first and last bin again and again: each rank is found in its own bin
                return new double[] {select(values, binning, counts, lower - below, lower - below)[0],
                        select(values, binning, counts, upper - below, upper - below)[0]};
            }
            // the bin function is monotonic, so [min, max] of the bin holds exactly its values
            double[] minMax = values.minMax(binning, lowerBin, upperBin);
            below += before;
            binning = Binning.over(minMax[0], minMax[1]);
        }
        return new double[] {binning.lo(), binning.lo()};
    }

    /**
     * first <= bin <= last as one unsigned comparison: about half the values lie on either side of the
     * median's bin, so two comparisons would make the processor mispredict every other value.
     */
    private static boolean isBetween(int bin, int first, int last) {
        return Integer.compareUnsigned(bin - first, last - first) <= 0;
    }

    /** The first pass: counts per 16-bit level of the values in [0, 1], finite values outside, whether all are levels. */
    private record LevelHistogram(long[] counts, long count, long outside, boolean allLevels) {

        /** One range's running totals. */
        private static final class Partial {
            final int[] counts = new int[BINS];
            long outside;
            boolean offLevel;
        }

        static LevelHistogram of(float[] plane) {
            boolean mostlyLevels = SixteenBitLevels.mostlyLevels(plane);
            List<Partial> parts = ParallelRanges.reduce(plane.length, Partial::new,
                    (part, from, to) -> count(plane, from, to, part, mostlyLevels));
            long[] total = new long[BINS];
            long outside = 0;
            boolean offLevel = false;
            for (Partial part : parts) {
                for (int b = 0; b < BINS; b++) {
                    total[b] += part.counts[b];
                }
                outside += part.outside;
                offLevel |= part.offLevel;
            }
            long inside = 0;
            for (long n : total) {
                inside += n;
            }
            return new LevelHistogram(total, inside + outside, outside, !offLevel);
        }

        private static void count(float[] plane, int from, int to, Partial part, boolean mostlyLevels) {
            Binning levels = Binning.UNIT_LEVELS;
            int[] counts = part.counts;
            long outside = 0;
            boolean offLevel = part.offLevel;
            for (int i = from; i < to; i++) {
                float x = plane[i];
                // a 16-bit frame's samples are found by their level at a fraction of the binning's cost;
                // any other value takes the binning's own rule, as every later pass does
                int level = mostlyLevels ? SixteenBitLevels.levelOf(x) : -1;
                if (level >= 0) {
                    counts[level]++;
                } else if (x >= 0f && x <= 1f) {
                    int b = levels.bin(x);
                    counts[b]++;
                    // one value off the levels is enough to know: the look-up is skipped from there on
                    offLevel = offLevel || SixteenBitLevels.value(b) != x;
                } else if (Float.isFinite(x)) {
                    outside++;
                }
            }
            part.outside += outside;
            part.offLevel = offLevel;
        }
    }

    private record FiniteRange(long count, double min, double max) {
    }

    /** One range's running count, minimum and maximum (of finite values, or of values in some bins). */
    private static final class Extremes {
        long count;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(Extremes other) {
            count += other.count;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
        }
    }

    private static FiniteRange finiteRange(float[] plane) {
        Extremes total = new Extremes();
        ParallelRanges.reduce(plane.length, Extremes::new, (part, from, to) -> {
            long count = 0;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                float x = plane[i];
                if (Float.isFinite(x)) {
                    count++;
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
            part.count += count;
            part.min = Math.min(part.min, min);
            part.max = Math.max(part.max, max);
        }).forEach(total::add);
        return new FiniteRange(total.count, total.min, total.max);
    }

    /**
     * The plane's values as the statistics see them: the samples themselves, or their absolute deviations
     * from {@code centre}. Only values within the binning's range take part in a pass, which also
     * excludes NaN and infinities, since every range is finite.
     */
    private record Values(float[] plane, double centre, boolean deviations) {

        double value(int i) {
            return deviations ? Math.abs(plane[i] - centre) : plane[i];
        }

        long[] histogram(Binning binning) {
            List<int[]> parts = ParallelRanges.reduce(plane.length, () -> new int[BINS], (counts, from, to) -> {
                for (int i = from; i < to; i++) {
                    double v = value(i);
                    if (binning.contains(v)) {
                        counts[binning.bin(v)]++;
                    }
                }
            });
            long[] total = new long[BINS];
            for (int[] part : parts) {
                for (int b = 0; b < BINS; b++) {
                    total[b] += part[b];
                }
            }
            return total;
        }

        double[] collect(Binning binning, int firstBin, int lastBin) {
            List<CollectedValues> parts = ParallelRanges.reduce(plane.length, CollectedValues::new, (found, from, to) -> {
                for (int i = from; i < to; i++) {
                    double v = value(i);
                    if (binning.contains(v)) {
                        if (isBetween(binning.bin(v), firstBin, lastBin)) {
                            found.add(v);
                        }
                    }
                }
            });
            return CollectedValues.joined(parts);
        }

        double[] minMax(Binning binning, int firstBin, int lastBin) {
            Extremes total = new Extremes();
            ParallelRanges.reduce(plane.length, Extremes::new, (part, from, to) -> {
                for (int i = from; i < to; i++) {
                    double v = value(i);
                    if (binning.contains(v)) {
                        if (isBetween(binning.bin(v), firstBin, lastBin)) {
                            part.min = Math.min(part.min, v);
                            part.max = Math.max(part.max, v);
                        }
                    }
                }
            }).forEach(total::add);
            return new double[] {total.min, total.max};
        }
    }
}
