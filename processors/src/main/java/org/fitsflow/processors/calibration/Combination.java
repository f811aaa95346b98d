package org.fitsflow.processors.calibration;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the frames of one kind are combined into a master, per photosite, over the finite values:
 * <ul>
 * <li>{@link #MEDIAN}: the median (the mean of the two middle values for an even count);</li>
 * <li>{@link #WINSORIZED}: winsorized sigma clipping. Let m be the median of the kept values and s their standard
 * deviation (n - 1); s is refined by clamping the kept values to m -+ 1.5 s and taking 1.134 times the standard
 * deviation of the clamped values, until it changes by less than 0.05 % (at most 10 times); values further than
 * kappa s from m are dropped, and all of it repeats until nothing is dropped. The master is the mean of what is
 * kept. Three values or fewer are averaged.</li>
 * </ul>
 * Winsorizing keeps a cosmic ray or satellite in one frame from inflating s enough to protect itself; the mean of
 * the kept values has a quarter less noise than the median.
 */
public enum Combination {
    MEDIAN, WINSORIZED;

    /** 1.134 corrects the spread of a Gaussian sample clamped at 1.5 sigma back to the sample's own. */
    private static final double WINSORIZED_SPREAD = 1.134;
    private static final double WINSORIZING_LIMIT = 1.5;
    private static final int MAX_PASSES = 10;

    /** Combines {@code values[0, count)}; sorts them in place. NaN when none is finite. */
    float combine(float[] values, int count, double kappa) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (Float.isFinite(values[i])) {
                values[n++] = values[i];
            }
        }
        if (n == 0) {
            return Float.NaN;
        }
        Arrays.sort(values, 0, n);
        return this == MEDIAN ? (float) median(values, 0, n) : (float) winsorizedMean(values, n, kappa);
    }

    /** The kept values are always a run [low, high) of the sorted values: clipping is symmetric about their median. */
    private static double winsorizedMean(float[] sorted, int n, double kappa) {
        int low = 0;
        int high = n;
        for (int pass = 0; pass < MAX_PASSES && high - low > 3; pass++) {
            double m = median(sorted, low, high);
            double s = winsorizedSpread(sorted, low, high, m);
            int newLow = low;
            int newHigh = high;
            while (newLow < newHigh && sorted[newLow] < m - kappa * s) {
                newLow++;
            }
            while (newHigh > newLow && sorted[newHigh - 1] > m + kappa * s) {
                newHigh--;
            }
            if (newLow == low && newHigh == high) {
                break;
            }
            low = newLow;
            high = newHigh;
        }
        double sum = 0;
        for (int i = low; i < high; i++) {
            sum += sorted[i];
        }
        return sum / (high - low);
    }

    private static double winsorizedSpread(float[] sorted, int low, int high, double m) {
        double s = standardDeviation(sorted, low, high, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        for (int i = 0; i < MAX_PASSES && s > 0; i++) {
            double refined = WINSORIZED_SPREAD
                    * standardDeviation(sorted, low, high, m - WINSORIZING_LIMIT * s, m + WINSORIZING_LIMIT * s);
            boolean settled = Math.abs(refined - s) < 5e-4 * s;
            s = refined;
            if (settled) {
                break;
            }
        }
        return s;
    }

    /** Standard deviation (n - 1) of the values in [low, high), each clamped to [floor, ceiling]. */
    private static double standardDeviation(float[] values, int low, int high, double floor, double ceiling) {
        double sum = 0;
        for (int i = low; i < high; i++) {
            sum += Math.min(ceiling, Math.max(floor, values[i]));
        }
        double mean = sum / (high - low);
        double squares = 0;
        for (int i = low; i < high; i++) {
            double d = Math.min(ceiling, Math.max(floor, values[i])) - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (high - low - 1));
    }

    private static double median(float[] sorted, int low, int high) {
        int n = high - low;
        int mid = low + n / 2;
        return n % 2 == 1 ? sorted[mid] : 0.5 * ((double) sorted[mid - 1] + sorted[mid]);
    }

    /** The name pipelines use: {@code median} or {@code winsorized}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
