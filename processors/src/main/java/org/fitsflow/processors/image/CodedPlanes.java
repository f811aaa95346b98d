package org.fitsflow.processors.image;

import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * Channels held as 16-bit codes, one per pixel, and per channel the value of each of the 65536 codes
 * ({@code values[c][codes[c][i] & 0xFFFF]}). A 16-bit FITS image is read this way: half the memory of
 * floats, and a transform of every value (the stretch) or a histogram costs 65536 entries instead of a
 * pass over the pixels. The codes are never changed; a transform gives new value tables.
 */
public record CodedPlanes(short[][] codes, float[][] values) {
    public static final int CODES = 1 << 16;

    public CodedPlanes {
        if (codes.length != values.length || codes.length == 0) {
            throw new IllegalArgumentException("one value table per channel: " + codes.length + " channels, "
                    + values.length + " tables");
        }
        for (float[] table : values) {
            if (table.length != CODES) {
                throw new IllegalArgumentException("a value table has " + CODES + " entries, got " + table.length);
            }
        }
        for (short[] plane : codes) {
            if (plane.length != codes[0].length) {
                throw new IllegalArgumentException("the channels differ in length");
            }
        }
    }

    public int channels() {
        return codes.length;
    }

    /** The same codes with other values. */
    public CodedPlanes withValues(float[][] newValues) {
        return new CodedPlanes(codes, newValues);
    }

    /** A channel as floats: {@code table[plane[i] & 0xFFFF]} for every pixel. */
    static float[] expand(short[] plane, float[] table) {
        return expandInto(plane, table, new float[plane.length]);
    }

    /** As {@link #expand}, into {@code out}. */
    static float[] expandInto(short[] plane, float[] table, float[] out) {
        ParallelRanges.forEach(plane.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = table[plane[i] & 0xFFFF];
            }
        });
        return out;
    }

    /** How many pixels of channel {@code c} hold each code. */
    public long[] codeCounts(int c) {
        short[] plane = codes[c];
        long[] total = new long[CODES];
        for (int[] part : ParallelRanges.reduce(plane.length, () -> new int[CODES], (counts, from, to) -> {
            for (int i = from; i < to; i++) {
                counts[plane[i] & 0xFFFF]++;
            }
        })) {
            for (int k = 0; k < CODES; k++) {
                total[k] += part[k];
            }
        }
        return total;
    }
}
