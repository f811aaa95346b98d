package org.fitsflow.processors.fits;

import java.nio.ByteBuffer;

/**
 * Copies big-endian 16-bit words as they are into the codes of a {@code CodedPlanes}; their values are the
 * normalisation table of the layout, so decoding is a byte swap and the table is applied only when floats
 * are wanted. Counts the words that are not BLANK, as the float decoders count finite values.
 */
final class CodeDecoder {
    private final float[] values;
    private final boolean hasBlank;

    CodeDecoder(float[] values) {
        this.values = values;
        boolean blank = false;
        for (float v : values) {
            blank |= Float.isNaN(v);
        }
        this.hasBlank = blank;
    }

    float[] values() {
        return values;
    }

    void decode(ByteBuffer src, int from, short[] dst, int at, int count, SampleDecoder.RunStats stats) {
        // a slice is big-endian whatever the order of src, as FITS data are
        src.slice(from, 2 * count).asShortBuffer().get(dst, at, count);
        if (!hasBlank) {
            stats.finiteCount += count;
            return;
        }
        long finite = 0;
        for (int i = at; i < at + count; i++) {
            finite += Float.isNaN(values[dst[i] & 0xFFFF]) ? 0 : 1;
        }
        stats.finiteCount += finite;
    }
}
