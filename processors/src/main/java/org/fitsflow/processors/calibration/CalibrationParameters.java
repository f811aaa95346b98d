package org.fitsflow.processors.calibration;

import java.util.Objects;

/**
 * How calibration masters are made and matched; messages name the pipeline's keys under
 * {@code stacking: calibration:}. Gain has no tolerance: a dark taken at another gain has another offset and
 * dark current, so a light takes only a dark of its own gain.
 *
 * @param combination          how each kind of frame is combined into its master
 * @param kappa                clipping threshold of the winsorized combination, in standard deviations
 * @param exposureTolerance    how far a dark's exposure may be from a light's, in seconds
 * @param temperatureTolerance how far a dark's sensor temperature (CCD-TEMP, else SET-TEMP) may be from a light's, in
 *                             degrees Celsius; a frame that does not say is not held to it
 * @param cosmetic             whether photosites that stand out in the master dark are replaced after calibration
 * @param hotSigma             how far above its same-colour neighbours, in the master dark's noise, a photosite is hot
 * @param coldSigma            how far below them a photosite is cold
 */
public record CalibrationParameters(Combination combination, double kappa, double exposureTolerance,
                                    double temperatureTolerance, boolean cosmetic, double hotSigma, double coldSigma) {

    public static final CalibrationParameters DEFAULTS =
            new CalibrationParameters(Combination.WINSORIZED, 3.0, 0.5, 2.0, true, 5.0, 5.0);

    public CalibrationParameters {
        Objects.requireNonNull(combination, "combine is required");
        if (!(kappa >= 1 && kappa <= 10)) {
            throw new IllegalArgumentException("kappa must be between 1 and 10, got " + kappa);
        }
        if (!(exposureTolerance >= 0 && exposureTolerance <= 3600)) {
            throw new IllegalArgumentException("exposure_tolerance must be 0 to 3600 seconds, got "
                    + exposureTolerance);
        }
        if (!(temperatureTolerance >= 0 && temperatureTolerance <= 100)) {
            throw new IllegalArgumentException("temperature_tolerance must be 0 to 100 degrees, got "
                    + temperatureTolerance);
        }
        if (!(hotSigma >= 2 && hotSigma <= 50)) {
            throw new IllegalArgumentException("hot_sigma must be between 2 and 50, got " + hotSigma);
        }
        if (!(coldSigma >= 2 && coldSigma <= 50)) {
            throw new IllegalArgumentException("cold_sigma must be between 2 and 50, got " + coldSigma);
        }
    }
}
