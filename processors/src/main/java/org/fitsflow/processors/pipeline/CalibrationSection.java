package org.fitsflow.processors.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fitsflow.processors.calibration.CalibrationParameters;
import org.fitsflow.processors.calibration.Combination;

/**
 * The {@code calibration:} mapping of a pipeline's {@code stacking:} section, every key optional and defaulting to
 * {@link CalibrationParameters#DEFAULTS}: {@code combine} ({@code median} or {@code winsorized}), {@code kappa},
 * {@code exposure_tolerance}, {@code temperature_tolerance}, {@code cosmetic}, {@code hot_sigma} and
 * {@code cold_sigma}. Written back with the same keys; an unknown key or a value out of range is refused with a
 * message naming the key.
 */
final class CalibrationSection {
    static final String KEY = "calibration";
    static final String EXAMPLE = "{combine: median}";

    private CalibrationSection() {
    }

    static CalibrationParameters from(SpecParameters p) {
        CalibrationParameters defaults = CalibrationParameters.DEFAULTS;
        List<String> combinations = Arrays.stream(Combination.values()).map(Combination::yamlName).toList();
        Combination combination = Combination.valueOf(
                p.choice("combine", defaults.combination().yamlName(), combinations).toUpperCase(Locale.ROOT));
        double kappa = p.number("kappa", defaults.kappa());
        double exposureTolerance = p.number("exposure_tolerance", defaults.exposureTolerance());
        double temperatureTolerance = p.number("temperature_tolerance", defaults.temperatureTolerance());
        boolean cosmetic = p.flag("cosmetic", defaults.cosmetic());
        double hotSigma = p.number("hot_sigma", defaults.hotSigma());
        double coldSigma = p.number("cold_sigma", defaults.coldSigma());
        p.rejectUnknown(KEY);
        try {
            return new CalibrationParameters(combination, kappa, exposureTolerance, temperatureTolerance, cosmetic,
                    hotSigma, coldSigma);
        } catch (IllegalArgumentException e) {
            throw new InvalidPipelineException(e.getMessage());
        }
    }

    static Map<String, Object> toMap(CalibrationParameters parameters) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("combine", parameters.combination().yamlName());
        section.put("kappa", parameters.kappa());
        section.put("exposure_tolerance", parameters.exposureTolerance());
        section.put("temperature_tolerance", parameters.temperatureTolerance());
        section.put("cosmetic", parameters.cosmetic());
        section.put("hot_sigma", parameters.hotSigma());
        section.put("cold_sigma", parameters.coldSigma());
        return section;
    }
}
