package org.fitsflow.processors.stacking.rejection;

/**
 * The generalised extreme Studentized deviate test (Rosner 1983): up to r = outliers x n values are taken
 * out one by one, each time the one furthest from the mean of those left, with its deviation in standard
 * deviations R_i; the number of outliers is the largest i whose R_i exceeds the critical value
 * lambda_i = (n - i) t / sqrt((n - i - 1 + t^2)(n - i + 1)), t the Student t quantile at
 * 1 - alpha / (2 (n - i + 1)) with n - i - 1 degrees of freedom. The critical values depend on n and i
 * only, so they are computed once per stack size.
 */
final class GeneralisedEsd implements PixelRejection {
    private final RejectionParameters parameters;
    private final double[][] critical;
    private final int[] removedLow;

    GeneralisedEsd(RejectionParameters parameters, int frames) {
        this.parameters = parameters;
        this.critical = new double[frames + 1][];
        this.removedLow = new int[frames + 1];
    }

    @Override
    public void reject(PixelStack stack) {
        int n = stack.size();
        if (n <= MIN_VALUES) {
            return;
        }
        int r = maxOutliers(n);
        if (r == 0) {
            return;
        }
        double[] lambda = critical(n, r);
        float[] sorted = stack.sorted();
        int from = 0;
        int to = n;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            sum += sorted[i];
            squares += (double) sorted[i] * sorted[i];
        }
        int outliers = 0;
        int lows = 0;
        for (int i = 1; i <= r; i++) {
            int m = to - from;
            double mean = sum / m;
            double sd = Math.sqrt(Math.max(0, (squares - sum * mean) / (m - 1)));
            if (sd == 0) {
                break;
            }
            double lowDeviation = mean - sorted[from];
            double highDeviation = sorted[to - 1] - mean;
            float taken;
            if (lowDeviation > highDeviation) {
                taken = sorted[from++];
                lows++;
            } else {
                taken = sorted[--to];
            }
            removedLow[i] = lows;
            if (Math.max(lowDeviation, highDeviation) / sd > lambda[i]) {
                outliers = i;
            }
            sum -= taken;
            squares -= (double) taken * taken;
        }
        if (outliers > 0) {
            int low = removedLow[outliers];
            stack.keepWithin(sorted[low], sorted[n - (outliers - low) - 1]);
        }
    }

    private int maxOutliers(int n) {
        // The test needs at least three values left to estimate a spread from.
        return Math.min(n - MIN_VALUES, (int) Math.floor(parameters.gesdOutliers() * n));
    }

    private double[] critical(int n, int r) {
        if (critical[n] == null) {
            double[] lambda = new double[r + 1];
            for (int i = 1; i <= r; i++) {
                double p = 1 - parameters.gesdSignificance() / (2.0 * (n - i + 1));
                double t = StudentT.quantile(p, n - i - 1);
                lambda[i] = (n - i) * t / Math.sqrt((n - i - 1 + t * t) * (n - i + 1));
            }
            critical[n] = lambda;
        }
        return critical[n];
    }
}
