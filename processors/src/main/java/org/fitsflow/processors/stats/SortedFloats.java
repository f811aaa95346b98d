package org.fitsflow.processors.stats;

/**
 * Small searches and sorts on float arrays that the order statistics of stacks and background cells share:
 * binary searches on a sorted range, and an insertion sort for the few values of a pixel's neighbourhood or
 * stack, where a general sort's set-up costs more than the sorting.
 */
public final class SortedFloats {
    private SortedFloats() {
    }

    /** The first index in [from, to) of the ascending {@code sorted} whose value is at least {@code value} (to when none). */
    public static int lowerBound(float[] sorted, int from, int to, double value) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index in [from, to) of the ascending {@code sorted} whose value is above {@code value} (to when none). */
    public static int upperBound(float[] sorted, int from, int to, double value) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sorts values[0, n) in ascending order, finite values only. */
    public static void insertionSort(float[] values, int n) {
        for (int i = 1; i < n; i++) {
            float v = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
    }
}
