package org.fitsflow.processors.fits;

import java.util.Locale;
import java.util.Set;

/**
 * How the pixels of an image HDU are stored, validated from its header before anything is allocated.
 * All sizes are computed in long with overflow checks, so a hostile header gives a message, not an exception.
 *
 * @param blank the BLANK value marking undefined integer pixels, or null
 */
record ImageLayout(int bitpix, int width, int height, int planes, double bzero, double bscale, Long blank) {

    private static final Set<Integer> BITPIX_VALUES = Set.of(8, 16, 32, 64, -32, -64);

    /** The image of a plain image HDU. */
    static ImageLayout of(ParsedHeader header) throws InvalidFitsException {
        return of(header, "");
    }

    /** The image held in a tile-compressed HDU: its axes are the ZBITPIX, ZNAXIS and ZNAXISn cards. */
    static ImageLayout ofCompressed(ParsedHeader header) throws InvalidFitsException {
        return of(header, "Z");
    }

    private static ImageLayout of(ParsedHeader header, String prefix) throws InvalidFitsException {
        long bitpix = bitpix(header, prefix + "BITPIX");
        long naxis = header.requiredLong(prefix + "NAXIS");
        if (naxis == 1) {
            throw new InvalidFitsException(prefix + "NAXIS = 1: a one-dimensional array is not an image");
        }
        if (naxis < 2 || naxis > 3) {
            throw new InvalidFitsException(prefix + "NAXIS = " + naxis
                    + ": only 2-D images (NAXIS = 2) and colour cubes (NAXIS = 3) are supported");
        }
        long width = axis(header, prefix, 1);
        long height = axis(header, prefix, 2);
        long planes = naxis == 3 ? axis(header, prefix, 3) : 1;
        if (planes != 1 && planes != 3) {
            throw new InvalidFitsException(prefix + "NAXIS3 = " + planes
                    + ": only 1 plane (mono) or 3 planes (colour) are supported");
        }
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new InvalidFitsException("image of " + width + " x " + height + " pixels is too large to read");
        }
        double bscale = header.doubleOr("BSCALE", 1.0);
        if (bscale == 0.0 || !Double.isFinite(bscale)) {
            throw new InvalidFitsException("BSCALE = " + bscale + " would make every pixel value meaningless");
        }
        double bzero = header.doubleOr("BZERO", 0.0);
        if (!Double.isFinite(bzero)) {
            throw new InvalidFitsException("BZERO = " + bzero + " is not a finite number");
        }
        Long blank = bitpix > 0 ? header.optionalLong("BLANK").orElse(null) : null;
        ImageLayout layout = new ImageLayout((int) bitpix, (int) width, (int) height, (int) planes, bzero, bscale, blank);
        layout.dataBytes();
        return layout;
    }

    /** The BITPIX card of that keyword, refused unless it is one of the FITS data types. */
    static long bitpix(ParsedHeader header, String keyword) throws InvalidFitsException {
        long bitpix = header.requiredLong(keyword);
        if (!BITPIX_VALUES.contains((int) bitpix) || bitpix != (int) bitpix) {
            throw new InvalidFitsException(keyword + " = " + bitpix + " is not a FITS data type (8, 16, 32, 64, -32 or -64)");
        }
        return bitpix;
    }

    private static long axis(ParsedHeader header, String prefix, int n) throws InvalidFitsException {
        String keyword = prefix + "NAXIS" + n;
        long value = header.requiredLong(keyword);
        if (value <= 0) {
            throw new InvalidFitsException(keyword + " = " + value + ": image axes must be at least 1 pixel long");
        }
        return value;
    }

    int bytesPerSample() {
        return Math.abs(bitpix) / 8;
    }

    long planePixels() {
        return (long) width * height;
    }

    long samples() throws InvalidFitsException {
        try {
            return Math.multiplyExact(planePixels(), planes);
        } catch (ArithmeticException e) {
            throw tooLarge();
        }
    }

    /** Bytes of pixel data the header declares (without the padding to a whole block). */
    long dataBytes() throws InvalidFitsException {
        try {
            return Math.multiplyExact(samples(), bytesPerSample());
        } catch (ArithmeticException e) {
            throw tooLarge();
        }
    }

    /** Refuses an image whose float planes would exceed the configured size. */
    void checkWithin(FitsReadLimits limits) throws InvalidFitsException {
        long samples = samples();
        if (samples > limits.maxPixels() || planePixels() > Integer.MAX_VALUE - 8) {
            throw new InvalidFitsException(String.format(Locale.ROOT,
                    "image of %d x %d x %d pixels (%.1f GB as float) exceeds the limit of %d pixels",
                    width, height, planes, samples * 4.0 / 1e9, limits.maxPixels()));
        }
    }

    private InvalidFitsException tooLarge() {
        return new InvalidFitsException("image of " + width + " x " + height + " x " + planes
                + " pixels is too large to read");
    }

    /** Bytes the data of any HDU occupies, padding excluded: |BITPIX|/8 x GCOUNT x (PCOUNT + NAXIS1 x ... x NAXISn). */
    static long hduDataBytes(ParsedHeader header) throws InvalidFitsException {
        long naxis = header.requiredLong("NAXIS");
        if (naxis < 0 || naxis > 999) {
            throw new InvalidFitsException("NAXIS = " + naxis + " is outside 0..999");
        }
        if (naxis == 0) {
            return 0;
        }
        try {
            long elements = 1;
            for (int n = 1; n <= naxis; n++) {
                long length = header.requiredLong("NAXIS" + n);
                if (length < 0) {
                    throw new InvalidFitsException("NAXIS" + n + " = " + length + " is negative");
                }
                elements = Math.multiplyExact(elements, length);
            }
            long pcount = header.optionalLong("PCOUNT").orElse(0L);
            long gcount = header.optionalLong("GCOUNT").orElse(1L);
            if (pcount < 0 || gcount < 0) {
                throw new InvalidFitsException("PCOUNT / GCOUNT must not be negative");
            }
            long bytes = Math.abs(header.requiredLong("BITPIX")) / 8;
            return Math.multiplyExact(Math.multiplyExact(bytes, gcount), Math.addExact(pcount, elements));
        } catch (ArithmeticException e) {
            throw new InvalidFitsException("extension data size overflows: the header is corrupt");
        }
    }

    static long padded(long bytes) {
        long rest = bytes % HeaderReader.BLOCK;
        return rest == 0 ? bytes : bytes + HeaderReader.BLOCK - rest;
    }
}
