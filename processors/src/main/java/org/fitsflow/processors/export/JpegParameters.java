package org.fitsflow.processors.export;

import java.util.HashSet;
import java.util.List;

/**
 * JPEG quality on the usual 1..100 scale (95 keeps faint nebulosity without visible blocks) and the longest
 * sides of the thumbnails written beside the picture ({@link Thumbnails}; none for an empty list).
 */
public record JpegParameters(int quality, List<Integer> thumbnails) {
    public static final int DEFAULT_QUALITY = 95;

    public JpegParameters {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, got " + quality);
        }
        thumbnails = List.copyOf(thumbnails);
        for (int side : thumbnails) {
            if (side < Thumbnails.MIN_SIDE || side > Thumbnails.MAX_SIDE) {
                throw new IllegalArgumentException("thumbnails: each longest side must be " + Thumbnails.MIN_SIDE + ".."
                        + Thumbnails.MAX_SIDE + " pixels, got " + side);
            }
        }
        if (new HashSet<>(thumbnails).size() != thumbnails.size()) {
            throw new IllegalArgumentException("thumbnails: each longest side once, got " + thumbnails);
        }
    }

    /** This quality with the default thumbnails. */
    public JpegParameters(int quality) {
        this(quality, Thumbnails.DEFAULT_SIDES);
    }

    public static JpegParameters defaults() {
        return new JpegParameters(DEFAULT_QUALITY);
    }
}
