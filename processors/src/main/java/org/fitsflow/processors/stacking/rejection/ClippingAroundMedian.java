package org.fitsflow.processors.stacking.rejection;

/**
 * Clipping around the median, pass after pass until a pass rejects nothing: values further than kappa
 * spreads below or above the median of the values still kept are rejected. Subclasses say how the spread is
 * estimated. Worked on the sorted values, where the kept ones are always one contiguous range and each pass
 * is two searches; up to {@link SortedRangeRejection#BATCH} pixels side by side, each on its own.
 */
abstract class ClippingAroundMedian implements PixelRejection, SortedRangeRejection {
    private final RejectionParameters parameters;
    private final SortedSums[] sums = new SortedSums[BATCH];
    private final int[] from = new int[BATCH];
    private final int[] to = new int[BATCH];
    private final double[] median = new double[BATCH];
    private final double[] sigma = new double[BATCH];
    private final boolean[] clipping = new boolean[BATCH];
    private final float[][] single = new float[1][];
    private final int[] singleSize = new int[1];

    ClippingAroundMedian(RejectionParameters parameters, int frames) {
        this.parameters = parameters;
        for (int j = 0; j < BATCH; j++) {
            sums[j] = new SortedSums(frames);
        }
    }

    /**
     * Puts in {@code sigma[j]} the spread of sorted[from[j], to[j]) of each pixel j below {@code count} whose
     * {@code clipping[j]} is set, that the thresholds are counted in.
     */
    abstract void spreads(SortedSums[] sorted, int[] from, int[] to, double[] median, boolean[] clipping,
                          int count, double[] sigma);

    @Override
    public final void reject(PixelStack stack) {
        int n = stack.size();
        if (n <= MIN_VALUES) {
            return;
        }
        single[0] = stack.sorted();
        singleSize[0] = n;
        reject(single, singleSize, 1);
        if (from[0] > 0 || to[0] < n) {
            stack.keepWithin(sums[0].value(from[0]), sums[0].value(to[0] - 1));
        }
    }

    @Override
    public final void reject(float[][] sorted, int[] n, int count) {
        int most = 0;
        for (int j = 0; j < count; j++) {
            from[j] = 0;
            to[j] = n[j];
            clipping[j] = n[j] > MIN_VALUES;
            most = Math.max(most, n[j]);
        }
        if (count == 4 && reaches(sorted, most)) {
            SortedSums.ofFour(sums, sorted, most);
        } else {
            for (int j = 0; j < count; j++) {
                if (clipping[j]) {
                    sums[j].of(sorted[j], n[j]);
                }
            }
        }
        for (int it = 0; it < parameters.iterations(); it++) {
            boolean any = false;
            for (int j = 0; j < count; j++) {
                clipping[j] &= to[j] - from[j] > MIN_VALUES;
                if (clipping[j]) {
                    median[j] = sums[j].median(from[j], to[j]);
                    any = true;
                }
            }
            if (!any) {
                break;
            }
            spreads(sums, from, to, median, clipping, count, sigma);
            for (int j = 0; j < count; j++) {
                if (clipping[j]) {
                    int newFrom = sums[j].lowerBound(from[j], to[j], median[j] - parameters.kappaLow() * sigma[j]);
                    int newTo = sums[j].upperBound(newFrom, to[j], median[j] + parameters.kappaHigh() * sigma[j]);
                    if (sigma[j] == 0 || newFrom == from[j] && newTo == to[j]) {
                        clipping[j] = false;
                    } else {
                        from[j] = newFrom;
                        to[j] = newTo;
                    }
                }
            }
        }
    }

    /** Whether all four pixels' arrays hold {@code n} values, as summing them side by side reads. */
    private static boolean reaches(float[][] sorted, int n) {
        return sorted[0].length >= n && sorted[1].length >= n && sorted[2].length >= n && sorted[3].length >= n;
    }

    @Override
    public final int keptFrom(int pixel) {
        return from[pixel];
    }

    @Override
    public final int keptTo(int pixel) {
        return to[pixel];
    }
}
