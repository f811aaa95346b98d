package org.fitsflow.processors.stacking.rejection;

/**
 * Sigma clipping: values further than kappa standard deviations (of the values still kept) from their
 * median are rejected, pass after pass, until a pass rejects nothing. Worked on the sorted values, where
 * the kept values are always one contiguous range.
 */
final class SigmaClipping implements PixelRejection {
    private final RejectionParameters parameters;
    private final SortedSums sums;

    SigmaClipping(RejectionParameters parameters, int frames) {
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
            double sigma = sums.standardDeviation(from, to);
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
}
