package org.fitsflow.processors.stacking.rejection;

/**
 * Clipping around the median, pass after pass until a pass rejects nothing: values further than kappa
 * spreads below or above the median of the values still kept are rejected. Subclasses say how the spread is
 * estimated. Worked on the sorted values, where the kept ones are always one contiguous range and each pass
 * is two binary searches.
 */
abstract class ClippingAroundMedian implements PixelRejection, SortedRangeRejection {
    private final RejectionParameters parameters;
    private final SortedSums sums;
    private int keptFrom;
    private int keptTo;

    ClippingAroundMedian(RejectionParameters parameters, int frames) {
        this.parameters = parameters;
        this.sums = new SortedSums(frames);
    }

    /** The spread of sorted[from, to) that the thresholds are counted in. */
    abstract double spread(SortedSums sorted, int from, int to, double median);

    @Override
    public final void reject(PixelStack stack) {
        int n = stack.size();
        reject(stack.sorted(), n);
        if (keptFrom > 0 || keptTo < n) {
            stack.keepWithin(sums.value(keptFrom), sums.value(keptTo - 1));
        }
    }

    @Override
    public final void reject(float[] sorted, int n) {
        keptFrom = 0;
        keptTo = n;
        if (n <= MIN_VALUES) {
            return;
        }
        sums.of(sorted, n);
        int from = 0;
        int to = n;
        for (int it = 0; it < parameters.iterations() && to - from > MIN_VALUES; it++) {
            double median = sums.median(from, to);
            double sigma = spread(sums, from, to, median);
            int newFrom = sums.lowerBound(from, to, median - parameters.kappaLow() * sigma);
            int newTo = sums.upperBound(newFrom, to, median + parameters.kappaHigh() * sigma);
            if (sigma == 0 || newFrom == from && newTo == to) {
                break;
            }
            from = newFrom;
            to = newTo;
        }
        keptFrom = from;
        keptTo = to;
    }

    @Override
    public final int keptFrom() {
        return keptFrom;
    }

    @Override
    public final int keptTo() {
        return keptTo;
    }
}
