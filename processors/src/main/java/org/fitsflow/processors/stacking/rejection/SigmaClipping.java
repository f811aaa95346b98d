package org.fitsflow.processors.stacking.rejection;

/**
 * Sigma clipping: values further than kappa standard deviations (of the values still kept) from their
 * median are rejected, pass after pass, until a pass rejects nothing.
 */
final class SigmaClipping extends ClippingAroundMedian {

    SigmaClipping(RejectionParameters parameters, int frames) {
        super(parameters, frames);
    }

    @Override
    double spread(SortedSums sorted, int from, int to, double median) {
        return sorted.standardDeviation(from, to);
    }
}
