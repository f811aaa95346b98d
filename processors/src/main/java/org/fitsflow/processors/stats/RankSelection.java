package org.fitsflow.processors.stats;

import java.util.Arrays;

/**
 * The values of two adjacent ranks of an array, found by partitioning (quickselect) instead of sorting:
 * linear time on average, where the statistics need two ranks of some hundred thousand values.
 */
final class RankSelection {
    /** Partitions deeper than this (an unlucky run of pivots) sort what is left instead. */
    private static final int MAX_DEPTH = 64;

    private RankSelection() {
    }

    /**
     * The values of the 0-based ranks {@code lower} and {@code upper}, which is {@code lower} or the next
     * rank; {@code values} is reordered.
     */
    static double[] pair(double[] values, int lower, int upper) {
        double lowerValue = select(values, lower);
        double upperValue = lowerValue;
        if (upper > lower) {
            upperValue = Double.POSITIVE_INFINITY;
            for (int i = upper; i < values.length; i++) {
                upperValue = Math.min(upperValue, values[i]);
            }
        }
        return new double[] {lowerValue, upperValue};
    }

    /** The value of rank {@code k}, left at index k with no larger value before it and no smaller one after it. */
    private static double select(double[] values, int k) {
        int from = 0;
        int to = values.length - 1;
        for (int depth = 0; from < to; depth++) {
            if (depth == MAX_DEPTH) {
                Arrays.sort(values, from, to + 1);
                break;
            }
            double pivot = medianOfThree(values[from], values[(from + to) >>> 1], values[to]);
            int i = from;
            int j = to;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            // now values[from..j] <= pivot <= values[i..to], and any index between holds the pivot
            if (k <= j) {
                to = j;
            } else if (k >= i) {
                from = i;
            } else {
                break;
            }
        }
        return values[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
