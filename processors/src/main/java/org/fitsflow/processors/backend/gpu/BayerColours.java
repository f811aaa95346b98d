package org.fitsflow.processors.backend.gpu;

import java.util.Locale;

/** A Bayer pattern name as the colour index (0 R, 1 G, 2 B) of its 2 x 2 cell, row 0 first. */
final class BayerColours {
    private BayerColours() {
    }

    static int[] of(String pattern) {
        String name = pattern == null ? "" : pattern.strip().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "RGGB" -> new int[] {0, 1, 1, 2};
            case "GRBG" -> new int[] {1, 0, 2, 1};
            case "GBRG" -> new int[] {1, 2, 0, 1};
            case "BGGR" -> new int[] {2, 1, 1, 0};
            default -> throw new IllegalArgumentException("unknown Bayer pattern '" + pattern + "' (expected RGGB, GRBG, GBRG or BGGR)");
        };
    }
}
