package org.fitsflow.processors.stacking.rejection;

/**
 * Prefix sums of sorted values and of their squares, so that the mean and spread of any range, with the
 * values beyond a bound pulled in to it (winsorized), take a search for the bound instead of a pass over the
 * values. Clipping bounds lie in the tails, a few values from either end: the searches step in from the
 * nearer end, a step or two where a binary search takes log n branches that the processor mispredicts.
 */
final class SortedSums {
    private final double[] sums;
    private final double[] squares;
    private float[] sorted;

    SortedSums(int capacity) {
        sums = new double[capacity + 1];
        squares = new double[capacity + 1];
    }

    void of(float[] sortedValues, int n) {
        sorted = sortedValues;
        double s = 0;
        double q = 0;
        for (int i = 0; i < n; i++) {
            double v = sortedValues[i];
            s += v;
            q += v * v;
            sums[i + 1] = s;
            squares[i + 1] = q;
        }
    }

    /**
     * {@link #of} for four pixels at once, to {@code n} values each: four running sums side by side instead of
     * one chain of additions after another. Values past a pixel's own count are summed too and never read.
     */
    static void ofFour(SortedSums[] four, float[][] sortedValues, int n) {
        SortedSums p0 = four[0];
        SortedSums p1 = four[1];
        SortedSums p2 = four[2];
        SortedSums p3 = four[3];
        float[] v0 = sortedValues[0];
        float[] v1 = sortedValues[1];
        float[] v2 = sortedValues[2];
        float[] v3 = sortedValues[3];
        p0.sorted = v0;
        p1.sorted = v1;
        p2.sorted = v2;
        p3.sorted = v3;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        for (int i = 0; i < n; i++) {
            double a = v0[i];
            double b = v1[i];
            double c = v2[i];
            double d = v3[i];
            s0 += a;
            s1 += b;
            s2 += c;
            s3 += d;
            q0 += a * a;
            q1 += b * b;
            q2 += c * c;
            q3 += d * d;
            p0.sums[i + 1] = s0;
            p1.sums[i + 1] = s1;
            p2.sums[i + 1] = s2;
            p3.sums[i + 1] = s3;
            p0.squares[i + 1] = q0;
            p1.squares[i + 1] = q1;
            p2.squares[i + 1] = q2;
            p3.squares[i + 1] = q3;
        }
    }

    /** Median of sorted[from, to). */
    double median(int from, int to) {
        int n = to - from;
        int mid = from + n / 2;
        return n % 2 == 1 ? sorted[mid] : 0.5 * ((double) sorted[mid - 1] + sorted[mid]);
    }

    /** Sample standard deviation (n - 1) of sorted[from, to). */
    double standardDeviation(int from, int to) {
        return spread(to - from, sums[to] - sums[from], squares[to] - squares[from]);
    }

    /**
     * Sample standard deviation of sorted[from, to) with every value clamped to [lo, hi], where sorted[from, a)
     * are the values below lo and sorted[b, to) those above hi.
     */
    double clampedStandardDeviation(int from, int to, int a, int b, double lo, double hi) {
        int below = a - from;
        int above = to - b;
        double s = below * lo + (sums[b] - sums[a]) + above * hi;
        double q = below * lo * lo + (squares[b] - squares[a]) + above * hi * hi;
        return spread(to - from, s, q);
    }

    /** The first index in [from, to) whose value is at least {@code value} (to when none, from when NaN). */
    int lowerBound(int from, int to, double value) {
        int i = from;
        while (i < to && sorted[i] < value) {
            i++;
        }
        return i;
    }

    /** The first index in [from, to) whose value is above {@code value} (to when none, from when NaN). */
    int upperBound(int from, int to, double value) {
        if (value != value) {
            return from;
        }
        int i = to;
        while (i > from && sorted[i - 1] > value) {
            i--;
        }
        return i;
    }

    float value(int i) {
        return sorted[i];
    }

    private static double spread(int n, double sum, double sumOfSquares) {
        if (n < 2) {
            return 0;
        }
        double variance = (sumOfSquares - sum * sum / n) / (n - 1);
        return variance > 0 ? Math.sqrt(variance) : 0;
    }
}
