package org.fitsflow.processors.export;

/**
 * Converts normalised [0, 1] samples to 8- or 16-bit levels: rounding half up, clamping out-of-range
 * values, non-finite samples as 0. Row order is left to the exporter (FITS row 0 is the bottom row).
 */
public final class Quantizer {
    private Quantizer() {
    }

    /** The 8-bit level of one sample, 0..255. */
    public static int level8(float value) {
        return level(value, 255);
    }

    /** The 16-bit level of one sample, 0..65535. */
    public static int level16(float value) {
        return level(value, 65535);
    }

    /** One byte per sample, unsigned 0..255, same order as the plane. */
    public static byte[] toBytes8(float[] plane) {
        byte[] out = new byte[plane.length];
        for (int i = 0; i < plane.length; i++) {
            out[i] = (byte) level(plane[i], 255);
        }
        return out;
    }

    /** One short per sample holding the unsigned level 0..65535 (read back with {@code & 0xFFFF}). */
    public static short[] toShorts16(float[] plane) {
        short[] out = new short[plane.length];
        for (int i = 0; i < plane.length; i++) {
            out[i] = (short) level(plane[i], 65535);
        }
        return out;
    }

    private static int level(float value, int maxLevel) {
        // NaN fails both comparisons and infinities are clamped, so every input yields a valid level
        if (!(value > 0f)) {
            return 0;
        }
        if (value >= 1f) {
            return maxLevel;
        }
        return (int) (value * (double) maxLevel + 0.5);
    }
}
