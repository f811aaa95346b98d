package org.fitsflow.processors.stats;

/**
 * Histogram bins over [lo, hi]: bin = (int) ((v - lo) * scale + offset), capped at the last bin. The
 * function is monotonic in v, which narrowing a selection to some bins relies on.
 */
record Binning(double lo, double hi, double scale, double offset) {
    static final int BINS = SixteenBitLevels.COUNT;

    /** One bin per 16-bit level over [0, 1], centred on the level. */
    static final Binning UNIT_LEVELS = new Binning(0, 1, 65535, 0.5);

    static Binning over(double lo, double hi) {
        return new Binning(lo, hi, BINS / (hi - lo), 0);
    }

    int bin(double value) {
        int b = (int) ((value - lo) * scale + offset);
        return b < BINS ? b : BINS - 1;
    }

    boolean contains(double value) {
        return value >= lo && value <= hi;
    }

    /** Where bin {@code b} starts; its values lie in [start(b), start(b + 1)], within [lo, hi]. */
    double start(int b) {
        return Math.min(hi, Math.max(lo, lo + (b - offset) / scale));
    }

    double width() {
        return 1 / scale;
    }

    /** How many values a histogram holds in bins {@code firstBin..lastBin}. */
    static long countIn(long[] histogram, int firstBin, int lastBin) {
        long total = 0;
        for (int b = firstBin; b <= lastBin; b++) {
            total += histogram[b];
        }
        return total;
    }

    /** The bin of a histogram over this binning that holds the value of the 0-based {@code rank}. */
    static int binOfRank(long[] histogram, long rank) {
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen > rank) {
                return b;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond histogram total " + seen);
    }
}
