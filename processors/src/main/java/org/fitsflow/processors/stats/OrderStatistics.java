package org.fitsflow.processors.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Exact order statistics (median, MAD, percentiles) of the finite values of a large plane without
 * sorting a copy of it: a parallel 65536-bin histogram locates the bin that holds the wanted rank, and
 * only that bin's values are collected and sorted. A bin too full to sort (a plateau such as a constant
 * or clipped image) is narrowed to its own value range and histogrammed again. Results equal numpy's
 * {@code median}, {@code median(abs(x - median))} and {@code percentile} (linear interpolation) on the
 * values widened to double.
 */
public final class OrderStatistics {
    private static final int BINS = 1 << 16;
    private static final int SORT_LIMIT = 1 << 20;

    private OrderStatistics() {
    }

    /** Median and MAD (unscaled) of the finite values; count 0 and NaN median and MAD when there are none. */
    public static ChannelStatistics medianAndMad(float[] plane) {
        FiniteRange range = finiteRange(plane);
        if (range.count == 0) {
            return new ChannelStatistics(Double.NaN, Double.NaN, 0);
        }
        double median = middle(new Values(plane, 0, false), range.min, range.max, range.count);
        double largestDeviation = Math.max(median - range.min, range.max - median);
        double mad = largestDeviation == 0 ? 0
                : middle(new Values(plane, median, true), 0, largestDeviation, range.count);
        return new ChannelStatistics(median, mad, range.count);
    }

    /**
     * The {@code fraction} (0..1) quantile of the finite values, interpolated linearly between the two
     * nearest ranks as numpy's default; NaN when there are no finite values.
     */
    public static double quantile(float[] plane, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("quantile fraction must be in [0, 1], got " + fraction);
        }
        FiniteRange range = finiteRange(plane);
        if (range.count == 0) {
            return Double.NaN;
        }
        double position = fraction * (range.count - 1);
        long lower = (long) Math.floor(position);
        long upper = Math.min(lower + 1, range.count - 1);
        double[] pair = select(new Values(plane, 0, false), range.min, range.max, lower, upper);
        return pair[0] + (position - lower) * (pair[1] - pair[0]);
    }

    private static double middle(Values values, double lo, double hi, long count) {
        long upper = count / 2;
        long lower = count % 2 == 0 ? upper - 1 : upper;
        double[] pair = select(values, lo, hi, lower, upper);
        return (pair[0] + pair[1]) / 2;
    }

    /** The values of rank {@code lower} and {@code upper} (equal or adjacent, 0-based) among the values in [lo, hi]. */
    private static double[] select(Values values, double lo, double hi, long lower, long upper) {
        long below = 0;
        while (lo < hi) {
            long[] histogram = values.histogram(lo, hi);
            int lowerBin = binOfRank(histogram, lower - below);
            int upperBin = binOfRank(histogram, upper - below);
            long before = 0;
            for (int b = 0; b < lowerBin; b++) {
                before += histogram[b];
            }
            long inside = 0;
            for (int b = lowerBin; b <= upperBin; b++) {
                inside += histogram[b];
            }
            if (inside <= SORT_LIMIT) {
                double[] collected = values.collect(lo, hi, lowerBin, upperBin, (int) inside);
                Arrays.sort(collected);
                long offset = below + before;
                return new double[] {collected[(int) (lower - offset)], collected[(int) (upper - offset)]};
            }
            // the bin function is monotonic, so [min, max] of these bins holds exactly their values
            double[] minMax = values.minMax(lo, hi, lowerBin, upperBin);
            below += before;
            lo = minMax[0];
            hi = minMax[1];
        }
        return new double[] {lo, lo};
    }

    private static int binOfRank(long[] histogram, long rank) {
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen > rank) {
                return b;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond histogram total " + seen);
    }

    private static int bin(double value, double lo, double scale) {
        int b = (int) ((value - lo) * scale);
        return b < BINS ? b : BINS - 1;
    }

    private record FiniteRange(long count, double min, double max) {
    }

    private static FiniteRange finiteRange(float[] plane) {
        List<FiniteRange> parts = ParallelRanges.map(plane.length, (from, to) -> {
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
            return new FiniteRange(count, min, max);
        });
        long count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (FiniteRange part : parts) {
            count += part.count;
            min = Math.min(min, part.min);
            max = Math.max(max, part.max);
        }
        return new FiniteRange(count, min, max);
    }

    /**
     * The plane's values as the statistics see them: the samples themselves, or their absolute deviations
     * from {@code centre}. Only values within [lo, hi] take part in a pass, which also excludes NaN and
     * infinities, since every range is finite.
     */
    private record Values(float[] plane, double centre, boolean deviations) {

        long[] histogram(double lo, double hi) {
            double scale = BINS / (hi - lo);
            List<int[]> parts = ParallelRanges.map(plane.length, (from, to) -> {
                int[] counts = new int[BINS];
                for (int i = from; i < to; i++) {
                    double v = deviations ? Math.abs(plane[i] - centre) : plane[i];
                    if (v >= lo && v <= hi) {
                        counts[bin(v, lo, scale)]++;
                    }
                }
                return counts;
            });
            long[] total = new long[BINS];
            for (int[] part : parts) {
                for (int b = 0; b < BINS; b++) {
                    total[b] += part[b];
                }
            }
            return total;
        }

        double[] collect(double lo, double hi, int firstBin, int lastBin, int expected) {
            double scale = BINS / (hi - lo);
            List<double[]> parts = ParallelRanges.map(plane.length, (from, to) -> {
                double[] found = new double[16];
                int n = 0;
                for (int i = from; i < to; i++) {
                    double v = deviations ? Math.abs(plane[i] - centre) : plane[i];
                    if (v >= lo && v <= hi) {
                        int b = bin(v, lo, scale);
                        if (b >= firstBin && b <= lastBin) {
                            if (n == found.length) {
                                found = Arrays.copyOf(found, n * 2);
                            }
                            found[n++] = v;
                        }
                    }
                }
                return Arrays.copyOf(found, n);
            });
            double[] all = new double[expected];
            int n = 0;
            for (double[] part : parts) {
                System.arraycopy(part, 0, all, n, part.length);
                n += part.length;
            }
            return all;
        }

        double[] minMax(double lo, double hi, int firstBin, int lastBin) {
            double scale = BINS / (hi - lo);
            List<double[]> parts = ParallelRanges.map(plane.length, (from, to) -> {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    double v = deviations ? Math.abs(plane[i] - centre) : plane[i];
                    if (v >= lo && v <= hi) {
                        int b = bin(v, lo, scale);
                        if (b >= firstBin && b <= lastBin) {
                            min = Math.min(min, v);
                            max = Math.max(max, v);
                        }
                    }
                }
                return new double[] {min, max};
            });
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] part : parts) {
                min = Math.min(min, part[0]);
                max = Math.max(max, part[1]);
            }
            return new double[] {min, max};
        }
    }
}
