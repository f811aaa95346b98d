package org.fitsflow.processors.stats;

import java.util.Arrays;

/**
 * An ascending sort of finite floats by their bits, four passes of one byte each: for the thousand-odd values of
 * a background cell it takes a fraction of a comparison sort's time, and the background mesh sorts hundreds of
 * cells per frame. The order is {@link java.util.Arrays#sort(float[])}'s (-0.0 before 0.0), so results do not
 * change with the sort; NaN and infinities are the caller's to leave out.
 */
public final class FloatRadixSort {
    private static final int PASSES = 4;
    private static final int BUCKETS = 256;

    private FloatRadixSort() {
    }

    /** Sorts {@code values[0, count)} in place; {@code scratch} holds at least {@code count} ints, twice. */
    public static void sort(float[] values, int count, int[] scratch) {
        if (scratch.length < 2 * count) {
            throw new IllegalArgumentException("scratch of " + scratch.length + " ints for " + count + " values");
        }
        int from = 0;
        int to = count;
        for (int i = 0; i < count; i++) {
            scratch[i] = orderedBits(values[i]);
        }
        int[] counts = new int[BUCKETS];
        for (int pass = 0; pass < PASSES; pass++) {
            int shift = 8 * pass;
            Arrays.fill(counts, 0);
            for (int i = 0; i < count; i++) {
                counts[(scratch[from + i] >>> shift) & 0xFF]++;
            }
            int position = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = counts[b];
                counts[b] = position;
                position += c;
            }
            for (int i = 0; i < count; i++) {
                int bits = scratch[from + i];
                scratch[to + counts[(bits >>> shift) & 0xFF]++] = bits;
            }
            int swap = from;
            from = to;
            to = swap;
        }
        for (int i = 0; i < count; i++) {
            values[i] = Float.intBitsToFloat(fromOrderedBits(scratch[from + i]));
        }
    }

    /** The float's bits turned so that unsigned order is numeric order: negatives inverted, positives with the sign bit set. */
    private static int orderedBits(float value) {
        int bits = Float.floatToRawIntBits(value);
        return bits < 0 ? ~bits : bits | Integer.MIN_VALUE;
    }

    private static int fromOrderedBits(int ordered) {
        return ordered < 0 ? ordered & Integer.MAX_VALUE : ~ordered;
    }
}
