package org.fitsflow.processors.stacking;

import org.fitsflow.processors.analysis.StarDetectionParameters;

/**
 * How subs are stacked.
 *
 * @param kappa          sigma-clipping threshold of the combine, in standard deviations (2.5 to 3 is usual)
 * @param iterations     clipping passes per pixel
 * @param rejectFlagged  leave out subs the quality report flags (clouds, trailing, bad FWHM)
 * @param interpolation  how registered subs are resampled onto the reference grid
 * @param detection      how stars are found for the quality figures and the registration
 */
public record StackingParameters(double kappa, int iterations, boolean rejectFlagged, Interpolation interpolation,
                                 StarDetectionParameters detection) {

    public static final StackingParameters DEFAULTS =
            new StackingParameters(2.5, 3, true, Interpolation.BICUBIC, StarDetectionParameters.DEFAULTS);

    public StackingParameters {
        if (!(kappa >= 1 && kappa <= 10)) {
            throw new IllegalArgumentException("kappa must be between 1 and 10, got " + kappa);
        }
        if (iterations < 1 || iterations > 20) {
            throw new IllegalArgumentException("iterations must be 1..20, got " + iterations);
        }
        if (interpolation == null) {
            throw new IllegalArgumentException("interpolation is required");
        }
        if (detection == null) {
            throw new IllegalArgumentException("detection parameters are required");
        }
    }

    public StackingParameters withInterpolation(Interpolation newInterpolation) {
        return new StackingParameters(kappa, iterations, rejectFlagged, newInterpolation, detection);
    }

    public StackingParameters withDetection(StarDetectionParameters newDetection) {
        return new StackingParameters(kappa, iterations, rejectFlagged, interpolation, newDetection);
    }
}
