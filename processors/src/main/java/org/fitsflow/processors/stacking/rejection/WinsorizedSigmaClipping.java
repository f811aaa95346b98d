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

    private final double[] narrowest = new double[SortedRangeRejection.BATCH];
    private final int[] below = new int[SortedRangeRejection.BATCH];
    private final int[] above = new int[SortedRangeRejection.BATCH];
    private final boolean[] settling = new boolean[SortedRangeRejection.BATCH];

    WinsorizedSigmaClipping(RejectionParameters parameters, int frames) {
        super(parameters, frames);
    }

    @Override
    void spreads(SortedSums[] sorted, int[] from, int[] to, double[] median, boolean[] clipping, int count,
                 double[] sigma) {
        boolean any = false;
        for (int j = 0; j < count; j++) {
            if (clipping[j]) {
                sigma[j] = sorted[j].standardDeviation(from[j], to[j]);
                narrowest[j] = sigma[j];
                below[j] = from[j];
                above[j] = to[j];
            }
            settling[j] = clipping[j] && sigma[j] > 0;
            any |= settling[j];
        }
        for (int pass = 0; pass < MAX_WINSOR_PASSES && any; pass++) {
            any = false;
            for (int j = 0; j < count; j++) {
                if (settling[j]) {
                    settling[j] = winsorPass(sorted[j], j, from[j], to[j], median[j], sigma);
                    any |= settling[j];
                }
            }
        }
    }

    /**
     * One pass of pixel j: the new sigma in {@code sigma[j]}, and whether another pass may change it. The
     * bounds only close in, pass after pass: the values beyond them are looked for from where the last pass
     * found them, which is mostly where they still are.
     */
    private boolean winsorPass(SortedSums sorted, int j, int from, int to, double median, double[] sigma) {
        double previous = sigma[j];
        // sigmas are positive here: a comparison is Math.min without its care for NaN and zeros' signs
        double bound = previous < narrowest[j] ? previous : narrowest[j];
        narrowest[j] = bound;
        double lo = median - WINSOR_SIGMAS * bound;
        double hi = median + WINSOR_SIGMAS * bound;
        int a = sorted.lowerBound(below[j], to, lo);
        int b = sorted.upperBound(a, above[j], hi);
        below[j] = a;
        above[j] = b;
        double next = UNBIAS * sorted.clampedStandardDeviation(from, to, a, b, lo, hi);
        sigma[j] = next;
        // A sigma no narrower than the bound it came from leaves the bound as it is: the next pass would
        // compute the same sigma again and stop there.
        return !(Math.abs(next - previous) <= SETTLED * previous || next >= bound) && next > 0;
    }
}
