package org.fitsflow.processors.steps;

import java.util.Map;
import org.fitsflow.processors.pipeline.SpecParameters;

/**
 * Parameters of {@code denoise}.
 *
 * @param scales          wavelet scales treated, 1 to 4 (1: pixel-to-pixel noise; 2 also removes 2 to 4 pixel grain)
 * @param thresholdSigma  a coefficient within this many noise sigmas of zero counts as noise
 * @param amount          how much of a noise coefficient is removed, 0 (nothing) to 1 (all)
 */
public record DenoiseParameters(int scales, double thresholdSigma, double amount) {

    public static final DenoiseParameters DEFAULTS = new DenoiseParameters(2, 3.0, 0.9);

    public DenoiseParameters {
        if (scales < 1 || scales > 4) {
            throw new IllegalArgumentException("scales must be 1..4, got " + scales);
        }
        if (!(thresholdSigma > 0 && thresholdSigma <= 10)) {
            throw new IllegalArgumentException("threshold_sigma must be in (0, 10], got " + thresholdSigma);
        }
        if (!(amount >= 0 && amount <= 1)) {
            throw new IllegalArgumentException("amount must be between 0 and 1, got " + amount);
        }
    }

    public static DenoiseParameters fromMap(Map<String, Object> params) {
        SpecParameters p = new SpecParameters(params);
        DenoiseParameters parsed = new DenoiseParameters(
                p.integer("scales", DEFAULTS.scales()),
                p.number("threshold_sigma", DEFAULTS.thresholdSigma()),
                p.number("amount", DEFAULTS.amount()));
        p.rejectUnknown(Denoise.NAME);
        return parsed;
    }
}
