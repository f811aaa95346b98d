package org.fitsflow.processors.stats;

import java.util.Arrays;
import java.util.Locale;

/**
 * A 2 x 2 Bayer colour filter pattern, read as the FITS BAYERPAT card: the colours of (row 0, col 0),
 * (row 0, col 1), (row 1, col 0), (row 1, col 1) of the array as stored.
 */
public enum CfaPattern {
    RGGB, GRBG, GBRG, BGGR;

    public static final int RED = 0;
    public static final int GREEN = 1;
    public static final int BLUE = 2;

    /** Parses a BAYERPAT value (case and surrounding blanks ignored), with a precise message when unknown. */
    public static CfaPattern parse(String bayerPattern) {
        if (bayerPattern == null) {
            throw new IllegalArgumentException("no Bayer pattern given");
        }
        String name = bayerPattern.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported Bayer pattern '" + bayerPattern
                        + "': expected one of " + Arrays.toString(values())));
    }

    /** {@link #RED}, {@link #GREEN} or {@link #BLUE}: the colour of the photosite at (row, column). */
    public int colourAt(int row, int column) {
        char c = name().charAt(((row & 1) << 1) | (column & 1));
        return c == 'R' ? RED : c == 'G' ? GREEN : BLUE;
    }
}
