package org.fitsflow.processors.stacking.rejection;

/**
 * Linear fit clipping: a straight line is fitted (least squares) to the sorted values against their rank,
 * and values further from it than kappa times the mean absolute deviation from the line are rejected, pass
 * after pass. The line follows a spread of levels, such as a gradient that moves between frames, which a
 * single centre would treat as outliers: suited to large sets.
 */
final class LinearFitClipping implements PixelRejection {
    private final RejectionParameters parameters;
    private final boolean[] keep;
    private final boolean[] below;

    LinearFitClipping(RejectionParameters parameters, int frames) {
        this.parameters = parameters;
        this.keep = new boolean[frames];
        this.below = new boolean[frames];
    }

    @Override
    public void reject(PixelStack stack) {
        for (int it = 0; it < parameters.iterations() && stack.size() > MIN_VALUES; it++) {
            stack.sort();
            int n = stack.size();
            // Least squares over x = 0..n-1: the ranks' mean and spread are known in closed form.
            double meanX = (n - 1) / 2.0;
            double sxx = n * ((double) n * n - 1) / 12.0;
            double meanY = stack.mean();
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                sxy += (i - meanX) * (stack.value(i) - meanY);
            }
            double slope = sxy / sxx;
            double intercept = meanY - slope * meanX;
            double sigma = 0;
            for (int i = 0; i < n; i++) {
                sigma += Math.abs(stack.value(i) - (intercept + slope * i));
            }
            sigma /= n;
            if (sigma == 0) {
                return;
            }
            int removed = 0;
            for (int i = 0; i < n; i++) {
                double residual = stack.value(i) - (intercept + slope * i);
                below[i] = residual < 0;
                keep[i] = residual >= -parameters.kappaLow() * sigma && residual <= parameters.kappaHigh() * sigma;
                removed += keep[i] ? 0 : 1;
            }
            if (removed == 0) {
                return;
            }
            stack.keepFlagged(keep, below);
        }
    }
}
