package org.fitsflow.routes.restretch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stretch a user chose on the page: linked or unlinked, shadows clipping, target background and an
 * optional curve (asinh or GHS) with its parameters, as the {@code histogram_stretch} step names them. Only
 * these keys, with values of the right kind, get this far; their ranges are the step's own, checked when
 * the pipeline is built ({@link Restretcher}).
 */
public record RestretchSettings(Map<String, Object> step) {
    public static final String STEP = "histogram_stretch";
    private static final Set<String> NUMBERS = Set.of("shadows_clip", "target_background", "asinh_stretch", "ghs_stretch",
            "ghs_local_intensity", "ghs_symmetry_point", "ghs_shadow_protection", "ghs_highlight_protection");
    private static final List<String> CURVES = List.of("mtf", "asinh", "ghs");

    public RestretchSettings {
        step = Map.copyOf(step);
    }

    /**
     * @param request the request's JSON object: {@code linked} (true/false, default false), numbers named as the
     *                step names them, {@code curve} (mtf, asinh or ghs; default mtf)
     * @throws IllegalArgumentException naming the first unknown key or value of the wrong kind
     */
    public static RestretchSettings of(Map<String, Object> request) {
        if (request == null) {
            throw new IllegalArgumentException("the body must be a JSON object of stretch settings, e.g. "
                    + "{\"linked\": false, \"shadows_clip\": -2.8, \"target_background\": 0.25}");
        }
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", STEP);
        Object linked = request.getOrDefault("linked", false);
        if (!(linked instanceof Boolean)) {
            throw new IllegalArgumentException("linked must be true or false, got " + describe(linked));
        }
        step.put("mode", (Boolean) linked ? "linked" : "unlinked");
        Object curve = request.getOrDefault("curve", "mtf");
        if (!(curve instanceof String) || !CURVES.contains(curve)) {
            throw new IllegalArgumentException("curve must be one of " + CURVES + ", got " + describe(curve));
        }
        step.put("curve", curve);
        for (var entry : request.entrySet()) {
            String key = entry.getKey();
            if (key.equals("linked") || key.equals("curve") || entry.getValue() == null) {
                continue;
            }
            if (!NUMBERS.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "'; known: linked, curve, " + String.join(", ",
                        NUMBERS.stream().sorted().toList()));
            }
            if (!(entry.getValue() instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw new IllegalArgumentException(key + " must be a number, got " + describe(entry.getValue()));
            }
            step.put(key, number.doubleValue());
        }
        return new RestretchSettings(step);
    }

    /** The settings in a fixed order, for the pipeline's name and description. */
    Map<String, Object> ordered() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("step", STEP);
        step.keySet().stream().filter(k -> !k.equals("step")).sorted().forEach(k -> ordered.put(k, step.get(k)));
        return ordered;
    }

    private static String describe(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }
}
