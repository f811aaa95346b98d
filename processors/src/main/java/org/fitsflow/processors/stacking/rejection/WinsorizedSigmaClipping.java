package org.fitsflow.processors.stacking.rejection;

/**
 * Winsorized sigma clipping (Huber's winsorization as Siril and PixInsight use it): the standard deviation
 * is re-estimated on a copy of the values pulled in to median +- 1.5 sigma, times 1.134 to stay unbiased
 * for Gaussian noise, until it settles; values beyond kappa of those sigmas from the median are then
 * rejected, pass after pass. An outlier moves neither the median nor the winsorized sigma much, so a
 * satellite trail across few frames is caught where plain sigma clipping, widened by it, can miss it.
 */
final class WinsorizedSigmaClipping implements PixelRejection {
    private static final double WINSOR_SIGMAS = 1.5;
    private static final double UNBIAS = 1.134;
    private static final double SETTLED = 5e-4;
    private static final int MAX_WINSOR_PASSES = 50;

    private final RejectionParameters parameters;
    private final float[] winsorized;

    WinsorizedSigmaClipping(RejectionParameters parameters, int frames) {
        this.parameters = parameters;
        this.winsorized = new float[frames];
    }

    @Override
    public void reject(PixelStack stack) {
        for (int it = 0; it < parameters.iterations() && stack.size() > MIN_VALUES; it++) {
            double median = stack.median();
            double sigma = winsorizedSigma(stack, median, stack.standardDeviation(stack.mean()));
            if (sigma == 0 || stack.keepWithin(median - parameters.kappaLow() * sigma,
                    median + parameters.kappaHigh() * sigma) == 0) {
                return;
            }
        }
    }

    private double winsorizedSigma(PixelStack stack, double median, double sigma) {
        int n = stack.size();
        for (int i = 0; i < n; i++) {
            winsorized[i] = stack.value(i);
        }
        for (int pass = 0; pass < MAX_WINSOR_PASSES && sigma > 0; pass++) {
            double lo = median - WINSOR_SIGMAS * sigma;
            double hi = median + WINSOR_SIGMAS * sigma;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                float v = (float) Math.min(hi, Math.max(lo, winsorized[i]));
                winsorized[i] = v;
                sum += v;
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = winsorized[i] - mean;
                squares += d * d;
            }
            double previous = sigma;
            sigma = UNBIAS * Math.sqrt(squares / (n - 1));
            if (Math.abs(sigma - previous) <= SETTLED * previous) {
                break;
            }
        }
        return sigma;
    }
}
