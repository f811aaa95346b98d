package org.fitsflow.processors.analysis;

import java.util.Arrays;
import org.fitsflow.processors.stats.FloatRadixSort;
import org.fitsflow.processors.stats.SortedFloats;

/**
 * Median and standard deviation of a sample after iterative kappa-sigma clipping around the median,
 * and how many values survived the clipping (a box crossed by a star loses many of its high values).
 */
public record ClippedStatistics(double median, double sigma, int kept, int total) {
    /** From this many values on, the radix sort beats the comparison sort (a background cell has about a thousand). */
    private static final int RADIX_FROM = 256;

    /** Clips the finite values among the first {@code count} of {@code values}; the array is left untouched. */
    public static ClippedStatistics of(float[] values, int count, double kappa, int iterations) {
        float[] sorted = new float[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (Float.isFinite(values[i])) {
                sorted[n++] = values[i];
            }
        }
        if (n == 0) {
            return new ClippedStatistics(Double.NaN, Double.NaN, 0, 0);
        }
        if (n >= RADIX_FROM) {
            FloatRadixSort.sort(sorted, n, new int[2 * n]);
        } else {
            Arrays.sort(sorted, 0, n);
        }
        // The kept values stay a contiguous window of the sorted sample, so clipping only moves its ends.
        int lo = 0;
        int hi = n;
        double median = medianOf(sorted, lo, hi);
        double sigma = standardDeviation(sorted, lo, hi, median);
        for (int it = 0; it < iterations && sigma > 0; it++) {
            int newLo = SortedFloats.lowerBound(sorted, lo, hi, (float) (median - kappa * sigma));
            int newHi = SortedFloats.upperBound(sorted, lo, hi, (float) (median + kappa * sigma));
            if (newLo == lo && newHi == hi || newHi - newLo < 3) {
                break;
            }
            lo = newLo;
            hi = newHi;
            median = medianOf(sorted, lo, hi);
            sigma = standardDeviation(sorted, lo, hi, median);
        }
        return new ClippedStatistics(median, sigma, hi - lo, n);
    }

    public double keptFraction() {
        return total == 0 ? 0 : (double) kept / total;
    }

    private static double medianOf(float[] sorted, int lo, int hi) {
        int n = hi - lo;
        int mid = lo + n / 2;
        return n % 2 == 1 ? sorted[mid] : 0.5 * ((double) sorted[mid - 1] + sorted[mid]);
    }

    private static double standardDeviation(float[] sorted, int lo, int hi, double centre) {
        double sum = 0;
        for (int i = lo; i < hi; i++) {
            double d = sorted[i] - centre;
            sum += d * d;
        }
        return Math.sqrt(sum / Math.max(1, hi - lo - 1));
    }
}
