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
    void spreads(SortedSums[] sorted, int[] from, int[] to, double[] median, boolean[] clipping, int count,
                 double[] sigma) {
        for (int j = 0; j < count; j++) {
            if (clipping[j]) {
                sigma[j] = sorted[j].standardDeviation(from[j], to[j]);
            }
        }
    }
}
