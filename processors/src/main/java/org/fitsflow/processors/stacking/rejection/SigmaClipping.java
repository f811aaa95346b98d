package org.fitsflow.processors.stacking.rejection;

/**
 * Sigma clipping: values further than kappa standard deviations (of the values still kept) from their
 * median are rejected, pass after pass, until a pass rejects nothing.
 */
final class SigmaClipping implements PixelRejection {
    private final RejectionParameters parameters;

    SigmaClipping(RejectionParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public void reject(PixelStack stack) {
        for (int it = 0; it < parameters.iterations() && stack.size() > MIN_VALUES; it++) {
            double median = stack.median();
            double sigma = stack.standardDeviation(stack.mean());
            if (sigma == 0 || stack.keepWithin(median - parameters.kappaLow() * sigma,
                    median + parameters.kappaHigh() * sigma) == 0) {
                return;
            }
        }
    }
}
