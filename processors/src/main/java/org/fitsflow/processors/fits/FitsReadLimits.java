package org.fitsflow.processors.fits;

/**
 * What the reader accepts before it allocates anything, so that a hostile or corrupt header is refused with
 * a message instead of an OutOfMemoryError.
 *
 * @param maxPixels      largest number of samples over all planes (width x height x planes); the float planes
 *                       take 4 bytes per sample
 * @param maxHeaderCards largest number of cards of one header before its END card
 */
public record FitsReadLimits(long maxPixels, int maxHeaderCards) {

    /** 250 megapixels (1 GB of float planes): a 6248 x 4176 x 3 frame is 78 megapixels. */
    public static final FitsReadLimits DEFAULT = new FitsReadLimits(250_000_000L, 100_000);

    public FitsReadLimits {
        if (maxPixels <= 0 || maxPixels > (long) Integer.MAX_VALUE * 3) {
            throw new IllegalArgumentException("maxPixels must be in 1.." + (long) Integer.MAX_VALUE * 3 + ", got " + maxPixels);
        }
        if (maxHeaderCards < 36) {
            throw new IllegalArgumentException("maxHeaderCards must allow at least one header block (36 cards), got " + maxHeaderCards);
        }
    }

    public FitsReadLimits withMaxPixels(long pixels) {
        return new FitsReadLimits(pixels, maxHeaderCards);
    }
}
