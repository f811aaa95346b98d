package org.fitsflow.processors.export;

/** Bits per sample: 8 for the web, 16 for further editing. */
public record PngParameters(int bits) {

    public PngParameters {
        if (bits != 8 && bits != 16) {
            throw new IllegalArgumentException("bits must be 8 or 16, got " + bits);
        }
    }

    public static PngParameters defaults() {
        return new PngParameters(8);
    }
}
