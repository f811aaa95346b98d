package org.fitsflow.processors.export;

/** JPEG quality on the usual 1..100 scale; 95 keeps faint nebulosity without visible blocks. */
public record JpegParameters(int quality) {
    public static final int DEFAULT_QUALITY = 95;

    public JpegParameters {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, got " + quality);
        }
    }

    public static JpegParameters defaults() {
        return new JpegParameters(DEFAULT_QUALITY);
    }
}
