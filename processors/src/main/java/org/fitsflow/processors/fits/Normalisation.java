package org.fitsflow.processors.fits;

/**
 * Maps physical pixel values to the [0, 1] range of the image model, as shared/data/SOURCES.md states:
 * <ul>
 *   <li>BITPIX 8: physical / 255; BITPIX 16: physical / 65535;</li>
 *   <li>BITPIX 32 with BZERO = 2^31 and BSCALE = 1 (unsigned 32-bit): physical / 4294967295;</li>
 *   <li>float data, and other 32 / 64-bit integer data, by their largest finite value: as is when it is
 *       at most 1, / 65535 when at most 65535 (16-bit data stored wider), else / that largest value.</li>
 * </ul>
 * Results are clipped to [0, 1] (negative physical values become 0), since the image model promises that
 * range; undefined pixels (NaN, infinities, BLANK) become NaN.
 */
final class Normalisation {
    static final double UINT16_MAX = 65535.0;
    static final double UINT8_MAX = 255.0;
    static final double UINT32_MAX = 4294967295.0;
    static final double UINT32_OFFSET = 2147483648.0;

    private Normalisation() {
    }

    /** Normalised value of every raw byte, indexed by the unsigned byte; BLANK maps to NaN. */
    static float[] table8(ImageLayout layout) {
        float[] table = new float[256];
        for (int raw = 0; raw < 256; raw++) {
            table[raw] = isBlank(layout, raw) ? Float.NaN : clip((layout.bzero() + layout.bscale() * raw) / UINT8_MAX);
        }
        return table;
    }

    /** Normalised value of every raw 16-bit word, indexed by {@code raw & 0xFFFF}; BLANK maps to NaN. */
    static float[] table16(ImageLayout layout) {
        float[] table = new float[65536];
        for (int raw = Short.MIN_VALUE; raw <= Short.MAX_VALUE; raw++) {
            table[raw & 0xFFFF] = isBlank(layout, raw) ? Float.NaN
                    : clip((layout.bzero() + layout.bscale() * raw) / UINT16_MAX);
        }
        return table;
    }

    static boolean isUnsigned32(ImageLayout layout) {
        return layout.bitpix() == 32 && layout.bzero() == UINT32_OFFSET && layout.bscale() == 1.0;
    }

    /** The factor that takes physical values to [0, 1] given the largest finite one (rule for float data). */
    static double scaleForLargest(double largestFinite) {
        if (largestFinite <= 1.0) {
            return 1.0;
        }
        if (largestFinite <= UINT16_MAX) {
            return 1.0 / UINT16_MAX;
        }
        return 1.0 / largestFinite;
    }

    static float clip(double value) {
        if (value < 0) {
            return 0f;
        }
        return value > 1 ? 1f : (float) value;
    }

    private static boolean isBlank(ImageLayout layout, long raw) {
        return layout.blank() != null && layout.blank() == raw;
    }
}
