package org.fitsflow.processors.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * Exact median and MAD of a plane in one pass after its histogram, for planes that are not all 16-bit
 * levels (float frames). The histogram places the median within the bins of its ranks, and the MAD within
 * a band of deviations a few bins wide: the MAD of the bin centres, give or take a bin and the median's
 * uncertainty. One pass collects the values of the median's bins and of that band and counts the values
 * below the band; selecting ranks among the few collected values then gives both figures. Finding the median first and
 * then histogramming and collecting the deviations from it takes three passes, and the median's value
 * matters to the MAD only within the band.
 */
final class BracketedMedianAndMad {
    private BracketedMedianAndMad() {
    }

    /**
     * The median and MAD of the plane's finite values, all of which lie in the binning's range and are
     * counted in {@code histogram}; empty when the median's bins or the band hold too many values to collect,
     * or when the band turns out not to hold the MAD's ranks (a distribution far from the bin centres).
     */
    static Optional<ChannelStatistics> of(float[] plane, Binning binning, long[] histogram, long count) {
        long upper = count / 2;
        long lower = count % 2 == 0 ? upper - 1 : upper;
        int firstBin = Binning.binOfRank(histogram, lower);
        int lastBin = Binning.binOfRank(histogram, upper);
        long beforeMedianBins = Binning.countIn(histogram, 0, firstBin - 1);
        long inMedianBins = Binning.countIn(histogram, firstBin, lastBin);
        double medianLow = binning.start(firstBin);
        double medianHigh = binning.start(lastBin + 1);
        // the median lies within `uncertainty` of `centre`, so every deviation from it within that of the deviation from `centre`
        double centre = (medianLow + medianHigh) / 2;
        double rounding = 8 * Math.ulp(Math.max(Math.abs(binning.lo()), Math.abs(binning.hi())));
        double uncertainty = (medianHigh - medianLow) / 2 + rounding;
        // reading each value as its bin's middle moves its deviation from the centre by half a bin at most
        double[] estimate = BinnedDeviations.ofRanks(histogram, bin -> middleOf(binning, bin), centre, binning.bin(centre), lower, upper);
        // so the MAD lies within half a bin plus `uncertainty` of the estimate: the band reaches beyond that by
        // `uncertainty` again, the part of it where values outside the band may interleave with its own
        double margin = binning.width() + 2 * uncertainty;
        Band band = new Band(Math.max(0, estimate[0] - margin), estimate[1] + margin);
        if (inMedianBins > CollectedValues.LIMIT || band.binnedCount(histogram, binning, centre) > CollectedValues.LIMIT) {
            return Optional.empty();
        }

        Window medianWindow = Window.around(medianLow, medianHigh, binning.width() * 1e-6 + rounding);
        List<Pass> parts = ParallelRanges.reduce(plane.length, Pass::new,
                (pass, from, to) -> pass.scan(plane, from, to, centre, band, medianWindow));

        double[] medianValues = inBins(CollectedValues.joined(parts.stream().map(p -> p.medianCandidates).toList()),
                binning, firstBin, lastBin);
        if (medianValues.length != inMedianBins) {
            return Optional.empty();
        }
        double[] middle = RankSelection.pair(medianValues, (int) (lower - beforeMedianBins), (int) (upper - beforeMedianBins));
        double median = (middle[0] + middle[1]) / 2;

        long below = parts.stream().mapToLong(p -> p.belowBand).sum();
        double[] deviations = CollectedValues.joined(parts.stream().map(p -> p.inBand).toList());
        for (int i = 0; i < deviations.length; i++) {
            deviations[i] = Math.abs(deviations[i] - median);
        }
        long above = count - below - deviations.length;
        // values outside the band may take any order among themselves, but none among the band's values
        // that lie more than `uncertainty` inside it
        double lowestSure = below == 0 ? Double.NEGATIVE_INFINITY : band.low + uncertainty;
        double highestSure = above == 0 ? Double.POSITIVE_INFINITY : band.high - uncertainty;
        long lowerIndex = lower - below;
        long upperIndex = upper - below;
        if (lowerIndex < 0 || upperIndex >= deviations.length) {
            return Optional.empty();
        }
        double[] madPair = RankSelection.pair(deviations, (int) lowerIndex, (int) upperIndex);
        if (madPair[0] < lowestSure || madPair[1] > highestSure) {
            return Optional.empty();
        }
        double mad = (madPair[0] + madPair[1]) / 2;
        return Optional.of(new ChannelStatistics(median, mad, count));
    }

    private static double middleOf(Binning binning, int bin) {
        return (binning.start(bin) + binning.start(bin + 1)) / 2;
    }

    /** The values that lie in bins {@code firstBin..lastBin}: the pass's window is a little wider. */
    private static double[] inBins(double[] candidates, Binning binning, int firstBin, int lastBin) {
        return Arrays.stream(candidates)
                .filter(v -> binning.contains(v) && binning.bin(v) >= firstBin && binning.bin(v) <= lastBin)
                .toArray();
    }

    /** Deviations from the centre in [low, high], both finite and >= 0. */
    private record Band(double low, double high) {
        /** At least the number of values whose deviation from {@code centre} is in the band, from their bins. */
        long binnedCount(long[] histogram, Binning binning, double centre) {
            int lastBin = histogram.length - 1;
            int leftFirst = Math.max(0, binning.bin(Math.max(binning.lo(), centre - high)) - 1);
            int leftLast = Math.min(lastBin, binning.bin(Math.max(binning.lo(), centre - low)) + 1);
            int rightFirst = Math.max(0, binning.bin(Math.min(binning.hi(), centre + low)) - 1);
            int rightLast = Math.min(lastBin, binning.bin(Math.min(binning.hi(), centre + high)) + 1);
            if (rightFirst <= leftLast) {
                return Binning.countIn(histogram, leftFirst, Math.max(leftLast, rightLast));
            }
            return Binning.countIn(histogram, leftFirst, leftLast) + Binning.countIn(histogram, rightFirst, rightLast);
        }
    }

    /** [low - slack, high + slack] as a middle and a half-width: one comparison per value. */
    private record Window(double middle, double halfWidth) {
        static Window around(double low, double high, double slack) {
            return new Window((low + high) / 2, (high - low) / 2 + slack);
        }

        boolean holds(double value) {
            return Math.abs(value - middle) <= halfWidth;
        }
    }

    /** One range's share of the pass. */
    private static final class Pass {
        final CollectedValues medianCandidates = new CollectedValues();
        final CollectedValues inBand = new CollectedValues();
        long belowBand;

        /**
         * Deviations are compared by their bits: with the sign cleared, the bits of numbers >= 0 are in their
         * order, with NaN above them all. So about half the values, those below the band, are counted without
         * a branch, which the processor would mispredict every other value.
         */
        void scan(float[] plane, int from, int to, double centre, Band band, Window median) {
            long lowBits = Double.doubleToRawLongBits(band.low);
            long widthBits = Double.doubleToRawLongBits(band.high) - lowBits;
            long below = 0;
            for (int i = from; i < to; i++) {
                double x = plane[i];
                long deviationBits = Double.doubleToRawLongBits(x - centre) & Long.MAX_VALUE;
                below += (deviationBits - lowBits) >>> 63;
                if (Long.compareUnsigned(deviationBits - lowBits, widthBits) <= 0) {
                    inBand.add(x);
                }
                if (median.holds(x)) {
                    medianCandidates.add(x);
                }
            }
            belowBand += below;
        }
    }
}
