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
 * values with prefix sums each pass is a binary search.
 */
final class WinsorizedSigmaClipping implements PixelRejection {
    private static final double WINSOR_SIGMAS = 1.5;
    private static final double UNBIAS = 1.134;
    private static final double SETTLED = 5e-4;
    private static final int MAX_WINSOR_PASSES = 100;

    private final RejectionParameters parameters;
    private final SortedSums sums;

    WinsorizedSigmaClipping(RejectionParameters parameters, int frames) {
        this.parameters = parameters;
        this.sums = new SortedSums(frames);
    }

    @Override
    public void reject(PixelStack stack) {
        int n = stack.size();
        if (n <= MIN_VALUES) {
            return;
        }
        sums.of(stack.sorted(), n);
        int from = 0;
        int to = n;
        for (int it = 0; it < parameters.iterations() && to - from > MIN_VALUES; it++) {
            double median = sums.median(from, to);
            double sigma = winsorizedSigma(from, to, median, sums.standardDeviation(from, to));
            int newFrom = sums.lowerBound(from, to, median - parameters.kappaLow() * sigma);
            int newTo = sums.upperBound(newFrom, to, median + parameters.kappaHigh() * sigma);
            if (sigma == 0 || newFrom == from && newTo == to) {
                break;
            }
            from = newFrom;
            to = newTo;
        }
        if (from > 0 || to < n) {
            stack.keepWithin(sums.value(from), sums.value(to - 1));
        }
    }

    private double winsorizedSigma(int from, int to, double median, double sigma) {
        double narrowest = sigma;
        for (int pass = 0; pass < MAX_WINSOR_PASSES && sigma > 0; pass++) {
            narrowest = Math.min(narrowest, sigma);
            double previous = sigma;
            sigma = UNBIAS * sums.clampedStandardDeviation(from, to, median - WINSOR_SIGMAS * narrowest,
                    median + WINSOR_SIGMAS * narrowest);
            if (Math.abs(sigma - previous) <= SETTLED * previous) {
                break;
            }
        }
        return sigma;
    }
}
