package org.fitsflow.processors.steps;

import java.util.Arrays;
import java.util.Map;
import org.fitsflow.processors.pipeline.SpecParameters;

/**
 * Parameters of {@code scnr}.
 *
 * @param amount  0 leaves green unchanged, 1 caps it fully at the neutral level
 * @param method  how the neutral level is computed from red and blue
 */
public record ScnrParameters(double amount, ScnrMethod method) {

    public static final ScnrParameters DEFAULTS = new ScnrParameters(1.0, ScnrMethod.AVERAGE_NEUTRAL);

    public ScnrParameters {
        if (!(amount >= 0 && amount <= 1)) {
            throw new IllegalArgumentException("amount must be between 0 and 1, got " + amount);
        }
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
    }

    public static ScnrParameters fromMap(Map<String, Object> params) {
        SpecParameters p = new SpecParameters(params);
        ScnrParameters parsed = new ScnrParameters(
                p.number("amount", DEFAULTS.amount()),
                ScnrMethod.valueOf(p.choice("method", DEFAULTS.method().key(),
                        Arrays.stream(ScnrMethod.values()).map(ScnrMethod::key).toList()).toUpperCase()));
        p.rejectUnknown(Scnr.NAME);
        return parsed;
    }
}
