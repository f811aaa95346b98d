package org.fitsflow.processors.stats;

import java.util.function.IntToDoubleFunction;

/** Deviations from a centre read off a histogram, each bin's values taken to lie at one position. */
final class BinnedDeviations {
    private BinnedDeviations() {
    }

    /**
     * The deviations of ranks {@code lower} and {@code upper} (0-based): bins are taken outwards from
     * {@code startBin}, the centre's bin or the last one below it, always the nearer of the two sides first, so
     * that their deviations come in increasing order.
     */
    static double[] ofRanks(long[] counts, IntToDoubleFunction position, double centre, int startBin, long lower, long upper) {
        int left = startBin;
        int right = startBin + 1;
        long seen = 0;
        double lowerDeviation = Double.NaN;
        while (true) {
            double leftDeviation = left >= 0 ? Math.abs(centre - position.applyAsDouble(left)) : Double.POSITIVE_INFINITY;
            double rightDeviation = right < counts.length ? Math.abs(position.applyAsDouble(right) - centre) : Double.POSITIVE_INFINITY;
            boolean takeLeft = leftDeviation <= rightDeviation;
            long n = takeLeft ? counts[left--] : counts[right++];
            double deviation = takeLeft ? leftDeviation : rightDeviation;
            if (seen <= lower && lower < seen + n) {
                lowerDeviation = deviation;
            }
            if (seen <= upper && upper < seen + n) {
                return new double[] {lowerDeviation, deviation};
            }
            seen += n;
        }
    }
}
