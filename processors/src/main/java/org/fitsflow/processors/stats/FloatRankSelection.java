package org.fitsflow.processors.stats;

/**
 * The value of one rank among finite floats, from two histograms of their order-preserving 32-bit keys, 16 bits
 * at a time: two passes over the values whatever their order, where partitioning (as {@link RankSelection} does
 * for doubles) moves them back and forth. The same value as sorting gives, but for the sign of a zero: -0 ranks
 * below +0 here.
 */
final class FloatRankSelection {
    private static final int DIGIT_BITS = 16;
    private static final int DIGITS = 1 << DIGIT_BITS;
    private static final int LOW_DIGIT = DIGITS - 1;

    private FloatRankSelection() {
    }

    /** The value of 0-based rank {@code k} among the first {@code n} of {@code values}, all finite; left unchanged. */
    static float valueOfRank(float[] values, int n, int k) {
        int[] counts = new int[DIGITS];
        for (int i = 0; i < n; i++) {
            counts[key(values[i]) >>> DIGIT_BITS]++;
        }
        int high = 0;
        int below = 0;
        while (below + counts[high] <= k) {
            below += counts[high++];
        }
        int[] lowCounts = new int[DIGITS];
        for (int i = 0; i < n; i++) {
            int key = key(values[i]);
            if (key >>> DIGIT_BITS == high) {
                lowCounts[key & LOW_DIGIT]++;
            }
        }
        int low = 0;
        while (below + lowCounts[low] <= k) {
            below += lowCounts[low++];
        }
        return value(high << DIGIT_BITS | low);
    }

    /** Unsigned order of the key is the order of the value: negative values' bits reversed, the sign bit flipped. */
    private static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ (bits >> 31 | Integer.MIN_VALUE);
    }

    private static float value(int key) {
        int bits = key < 0 ? key ^ Integer.MIN_VALUE : ~key;
        return Float.intBitsToFloat(bits);
    }
}
