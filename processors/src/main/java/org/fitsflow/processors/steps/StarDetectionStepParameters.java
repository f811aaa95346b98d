package org.fitsflow.processors.steps;

import java.util.Map;
import org.fitsflow.processors.analysis.StarDetectionParameters;
import org.fitsflow.processors.pipeline.SpecParameters;

/** Reads the YAML parameters of {@code star_detection}: {@code threshold_sigma} and {@code max_stars}. */
public final class StarDetectionStepParameters {
    private StarDetectionStepParameters() {
    }

    public static StarDetectionParameters fromMap(Map<String, Object> params) {
        SpecParameters p = new SpecParameters(params);
        StarDetectionParameters defaults = StarDetectionParameters.DEFAULTS;
        StarDetectionParameters parsed = defaults
                .withThresholdSigma(p.number("threshold_sigma", defaults.thresholdSigma()))
                .withMaxStars(p.integer("max_stars", defaults.maxStars()));
        p.rejectUnknown(StarDetection.NAME);
        return parsed;
    }
}
