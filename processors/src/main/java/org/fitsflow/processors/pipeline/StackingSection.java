package org.fitsflow.processors.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fitsflow.processors.stacking.Interpolation;
import org.fitsflow.processors.stacking.StackingParameters;

/**
 * The {@code stacking:} section of a pipeline with {@code subs: stack}: {@code kappa}, {@code iterations},
 * {@code reject_flagged} and {@code interpolation}, each defaulting to {@link StackingParameters#DEFAULTS}.
 * Read here and written back with the same keys, so that a definition survives a round trip through JSON.
 * Star detection is not part of it: stacking takes that from the pipeline's {@code star_detection} step.
 */
public final class StackingSection {
    public static final String KEY = "stacking";

    private StackingSection() {
    }

    public static StackingParameters fromMap(Map<String, Object> section) {
        SpecParameters p = new SpecParameters(section);
        StackingParameters defaults = StackingParameters.DEFAULTS;
        double kappa = p.number("kappa", defaults.kappa());
        int iterations = p.integer("iterations", defaults.iterations());
        boolean rejectFlagged = p.flag("reject_flagged", defaults.rejectFlagged());
        String interpolation = p.choice("interpolation", name(defaults.interpolation()), List.of("bicubic", "bilinear"));
        p.rejectUnknown(KEY);
        try {
            return new StackingParameters(kappa, iterations, rejectFlagged,
                    Interpolation.valueOf(interpolation.toUpperCase(Locale.ROOT)), defaults.detection());
        } catch (IllegalArgumentException e) {
            throw new InvalidPipelineException(e.getMessage());
        }
    }

    public static Map<String, Object> toMap(StackingParameters parameters) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("kappa", parameters.kappa());
        section.put("iterations", parameters.iterations());
        section.put("reject_flagged", parameters.rejectFlagged());
        section.put("interpolation", name(parameters.interpolation()));
        return section;
    }

    public static String name(Interpolation interpolation) {
        return interpolation.name().toLowerCase(Locale.ROOT);
    }
}
