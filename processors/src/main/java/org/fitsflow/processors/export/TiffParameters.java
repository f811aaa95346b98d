package org.fitsflow.processors.export;

/** Bits per sample (8 or 16) and compression; 16-bit uncompressed is what PixInsight and Siril expect. */
public record TiffParameters(int bits, TiffCompression compression) {

    public TiffParameters {
        if (bits != 8 && bits != 16) {
            throw new IllegalArgumentException("bits must be 8 or 16, got " + bits);
        }
        if (compression == null) {
            throw new IllegalArgumentException("compression must be none or lzw");
        }
    }

    public static TiffParameters defaults() {
        return new TiffParameters(16, TiffCompression.NONE);
    }
}
