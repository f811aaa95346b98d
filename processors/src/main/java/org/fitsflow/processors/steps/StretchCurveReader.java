package org.fitsflow.processors.steps;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.fitsflow.processors.pipeline.SpecParameters;

/**
 * Reads the curve keys of a {@code histogram_stretch} step: {@code curve} and the keys of the chosen curve,
 * refusing a key of another curve (a {@code ghs_stretch} under {@code curve: asinh} would otherwise be
 * silently ignored).
 */
final class StretchCurveReader {
    static final String CURVE = "curve";
    private static final List<String> CURVES = List.of("mtf", "asinh", "ghs");
    private static final Map<String, String> KEY_CURVES = new LinkedHashMap<>();

    static {
        for (String key : List.of("asinh_stretch", "asinh_preserve_colour")) {
            KEY_CURVES.put(key, "asinh");
        }
        for (String key : List.of("ghs_stretch", "ghs_local_intensity", "ghs_symmetry_point", "ghs_shadow_protection",
                "ghs_highlight_protection")) {
            KEY_CURVES.put(key, "ghs");
        }
    }

    private StretchCurveReader() {
    }

    /** Every key this reader knows, {@code curve} included. */
    static Set<String> keys() {
        Set<String> keys = new TreeSet<>(KEY_CURVES.keySet());
        keys.add(CURVE);
        return keys;
    }

    /** @throws IllegalArgumentException naming the key at fault */
    static StretchCurve read(Map<String, ?> params) {
        SpecParameters p = new SpecParameters(new HashMap<>(params));
        String curve = p.choice(CURVE, StretchCurve.MTF.yamlName(), CURVES);
        for (Map.Entry<String, String> key : KEY_CURVES.entrySet()) {
            if (params.containsKey(key.getKey()) && !key.getValue().equals(curve)) {
                throw new IllegalArgumentException(key.getKey() + " applies to curve: " + key.getValue() + ", not to curve: " + curve);
            }
        }
        return switch (curve) {
            case "asinh" -> new StretchCurve.Asinh(optional(p, "asinh_stretch"),
                    p.flag("asinh_preserve_colour", StretchCurve.Asinh.DEFAULTS.preserveColour()));
            case "ghs" -> new StretchCurve.Ghs(optional(p, "ghs_stretch"),
                    p.number("ghs_local_intensity", StretchCurve.Ghs.DEFAULTS.localIntensity()),
                    optional(p, "ghs_symmetry_point"),
                    p.number("ghs_shadow_protection", StretchCurve.Ghs.DEFAULTS.shadowProtection()),
                    p.number("ghs_highlight_protection", StretchCurve.Ghs.DEFAULTS.highlightProtection()));
            default -> StretchCurve.MTF;
        };
    }

    private static OptionalDouble optional(SpecParameters p, String key) {
        double value = p.number(key, Double.NaN);
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
