package org.fitsflow.processors.stacking;

/**
 * Combines the values of one pixel across frames: iteratively rejects values further than kappa standard
 * deviations from the median of the values still kept, then averages the rest. NaN values (outside a frame
 * after registration) take no part; a pixel with no value at all becomes NaN.
 */
public final class SigmaClippedMean {
    private final double kappa;
    private final int iterations;

    public SigmaClippedMean(double kappa, int iterations) {
        this.kappa = kappa;
        this.iterations = iterations;
    }

    /** Uses {@code values[0..count)} as scratch space: the order is changed. */
    public float combine(float[] values, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (!Float.isNaN(values[i])) {
                values[n++] = values[i];
            }
        }
        if (n == 0) {
            return Float.NaN;
        }
        for (int it = 0; it < iterations && n > 2; it++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += values[i];
            }
            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++) {
                variance += (values[i] - mean) * (values[i] - mean);
            }
            double sigma = Math.sqrt(variance / (n - 1));
            if (sigma == 0) {
                break;
            }
            double median = median(values, n);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (Math.abs(values[i] - median) <= kappa * sigma) {
                    values[kept++] = values[i];
                }
            }
            if (kept == n) {
                break;
            }
            n = kept;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return (float) (sum / n);
    }

    /** Insertion sort: a pixel has one value per frame, a few dozen at most in practice. */
    private static double median(float[] values, int n) {
        for (int i = 1; i < n; i++) {
            float v = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
