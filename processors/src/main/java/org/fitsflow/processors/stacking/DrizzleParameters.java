package org.fitsflow.processors.stacking;

/**
 * How registered frames are drizzled (pipeline keys under {@code stacking: drizzle:}).
 *
 * @param scale   output pixels per input pixel along each axis: 2 doubles the resolution
 * @param pixfrac side of each input pixel's drop, as a fraction of the input pixel: smaller drops blur less
 *                but need more dithered frames to leave no output pixel without data
 */
public record DrizzleParameters(double scale, double pixfrac) {

    public static final DrizzleParameters DEFAULTS = new DrizzleParameters(2, 0.7);

    public DrizzleParameters {
        if (!(scale >= 1 && scale <= 4)) {
            throw new IllegalArgumentException("drizzle.scale must be between 1 and 4, got " + scale);
        }
        if (!(pixfrac > 0 && pixfrac <= 1)) {
            throw new IllegalArgumentException("drizzle.pixfrac must be above 0 and at most 1, got " + pixfrac);
        }
    }

    /** Output pixels along an axis of {@code inputPixels}. */
    public int outputSize(int inputPixels) {
        return (int) Math.round(inputPixels * scale);
    }
}
