package org.fitsflow.processors.analysis;

/**
 * How stars are found and measured.
 *
 * @param thresholdSigma    detection threshold above the local background, in noise sigmas of the smoothed image
 * @param smoothingSigma    Gaussian smoothing (pixels) before peak finding, about a third of a typical FWHM
 * @param meshCellSize      background mesh cell (pixels), large against a star, small against a gradient
 * @param fitRadius         half-size of the box the Gaussian is fitted to (pixels); stars closer to an edge are skipped
 * @param saturationLevel   a star with a pixel at or above this normalised value is saturated and not measured
 * @param minFwhm           narrower fits are hot pixels or cosmic rays (pixels)
 * @param sharpnessLimit    fits narrower than this fraction of the frame's median FWHM are rejected too: every
 *                          star of a frame has the same PSF, so a much sharper source is a hot pixel with noise
 * @param maxFwhm           wider fits are galaxies, nebula knots or blends (pixels)
 * @param maxStars          the brightest candidates measured, bounding the time spent on dense fields
 */
public record StarDetectionParameters(double thresholdSigma, double smoothingSigma, int meshCellSize, int fitRadius,
                                      double saturationLevel, double minFwhm, double sharpnessLimit, double maxFwhm,
                                      int maxStars) {

    public static final StarDetectionParameters DEFAULTS =
            new StarDetectionParameters(5.0, 1.0, 64, 6, 0.95, 1.0, 0.75, 15.0, 3000);

    public StarDetectionParameters {
        if (!(thresholdSigma > 0)) {
            throw new IllegalArgumentException("threshold_sigma must be positive, got " + thresholdSigma);
        }
        if (!(smoothingSigma > 0) || smoothingSigma > 10) {
            throw new IllegalArgumentException("smoothing sigma must be in (0, 10] pixels, got " + smoothingSigma);
        }
        if (meshCellSize < 8) {
            throw new IllegalArgumentException("mesh cell size must be at least 8 pixels, got " + meshCellSize);
        }
        if (fitRadius < 2 || fitRadius > 25) {
            throw new IllegalArgumentException("fit radius must be 2..25 pixels, got " + fitRadius);
        }
        if (!(saturationLevel > 0)) {
            throw new IllegalArgumentException("saturation level must be positive, got " + saturationLevel);
        }
        if (!(minFwhm >= 0) || !(maxFwhm > minFwhm)) {
            throw new IllegalArgumentException("FWHM limits must satisfy 0 <= min < max, got " + minFwhm + ", " + maxFwhm);
        }
        if (!(sharpnessLimit >= 0 && sharpnessLimit < 1)) {
            throw new IllegalArgumentException("sharpness limit must be in [0, 1), got " + sharpnessLimit);
        }
        if (maxStars < 1) {
            throw new IllegalArgumentException("max stars must be at least 1, got " + maxStars);
        }
    }

    public StarDetectionParameters withThresholdSigma(double sigma) {
        return new StarDetectionParameters(sigma, smoothingSigma, meshCellSize, fitRadius, saturationLevel, minFwhm,
                sharpnessLimit, maxFwhm, maxStars);
    }

    public StarDetectionParameters withMaxStars(int count) {
        return new StarDetectionParameters(thresholdSigma, smoothingSigma, meshCellSize, fitRadius, saturationLevel,
                minFwhm, sharpnessLimit, maxFwhm, count);
    }
}
