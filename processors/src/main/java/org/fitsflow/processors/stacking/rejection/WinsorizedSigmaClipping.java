package org.fitsflow.processors.stacking.rejection;

/**
 * Winsorized sigma clipping (Huber's winsorization as Siril and PixInsight use it): the standard deviation
 * is re-estimated on the values pulled in to median +- 1.5 sigma, times 1.134 to stay unbiased for Gaussian
 * noise, until it settles; values beyond kappa of those sigmas from the median are then rejected, pass after
 * pass. An outlier moves neither the median nor the winsorized sigma much, so a satellite trail across few
 * frames is caught where plain sigma clipping, widened by it, can miss it.
 *
 * <p>The published procedure pulls a copy of the values in again and again; since every bound is centred on
 * the same median, the copy after k passes is the values clamped to the narrowest bound so far, and on sorted
 * values with prefix sums each pass is a search for the bounds.
 */
final class WinsorizedSigmaClipping extends ClippingAroundMedian {
    private static final double WINSOR_SIGMAS = 1.5;
    private static final double UNBIAS = 1.134;
    private static final double SETTLED = 5e-4;
    private static final int MAX_WINSOR_PASSES = 100;

    WinsorizedSigmaClipping(RejectionParameters parameters, int frames) {
        super(parameters, frames);
    }

    @Override
    double spread(SortedSums sorted, int from, int to, double median) {
        double sigma = sorted.standardDeviation(from, to);
        double narrowest = sigma;
        // The bounds only close in, pass after pass: the values beyond them are looked for from where the
        // last pass found them, which is mostly where they still are.
        int a = from;
        int b = to;
        for (int pass = 0; pass < MAX_WINSOR_PASSES && sigma > 0; pass++) {
            narrowest = Math.min(narrowest, sigma);
            double previous = sigma;
            double lo = median - WINSOR_SIGMAS * narrowest;
            double hi = median + WINSOR_SIGMAS * narrowest;
            a = sorted.lowerBound(a, to, lo);
            b = sorted.upperBound(a, b, hi);
            sigma = UNBIAS * sorted.clampedStandardDeviation(from, to, a, b, lo, hi);
            // A sigma no narrower than the bound it came from leaves the bound as it is: the next pass would
            // compute the same sigma again and stop there. Two thirds of the stacks stop so after one pass.
            if (Math.abs(sigma - previous) <= SETTLED * previous || sigma >= narrowest) {
                break;
            }
        }
        return sigma;
    }
}
