package org.fitsflow.routes.nights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a night's stack job measured, read from its measurements: subs stacked, the median FWHM of the quality report,
 * and the subs left out with their reasons ({@code "<file>: <reason>"}). A figure is looked for at the top and one level
 * down (a stack that also ran the quality report keeps it in a section of its own).
 */
record NightMeasurements(Integer stacked, Double fwhmMedianPx, Double fwhmMedianArcsec, List<Map<String, Object>> flagged) {
    /** The Seestar S50's plate scale: 2.9 um photosites at 250 mm. */
    static final double S50_ARCSEC_PER_PX = 2.39;
    private static final ObjectMapper JSON = new ObjectMapper();

    static NightMeasurements read(String measurementsJson) {
        Map<String, Object> all = parse(measurementsJson);
        Integer stacked = number(all, "stacked").map(Number::intValue).orElse(null);
        Double px = number(all, "median_fwhm_px").map(Number::doubleValue).orElse(null);
        Double arcsec = number(all, "median_fwhm_arcsec").map(Number::doubleValue)
                .orElse(px == null ? null : px * S50_ARCSEC_PER_PX);
        List<Map<String, Object>> flagged = new ArrayList<>();
        for (Object entry : list(all, "rejected")) {
            String text = String.valueOf(entry);
            int colon = text.indexOf(": ");
            Map<String, Object> sub = new LinkedHashMap<>();
            sub.put("file_name", colon < 0 ? text : text.substring(0, colon));
            sub.put("reasons", colon < 0 ? List.of() : List.of(text.substring(colon + 2).split("[;,] *")));
            flagged.add(sub);
        }
        return new NightMeasurements(stacked, px, arcsec, flagged);
    }

    String flaggedJson() {
        try {
            return JSON.writeValueAsString(flagged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(json, Map.class);
            return map;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static Optional<Number> number(Map<String, Object> all, String key) {
        return find(all, key).filter(Number.class::isInstance).map(Number.class::cast);
    }

    private static List<?> list(Map<String, Object> all, String key) {
        return find(all, key).filter(List.class::isInstance).map(v -> (List<?>) v).orElse(List.of());
    }

    private static Optional<Object> find(Map<String, Object> all, String key) {
        if (all.containsKey(key)) {
            return Optional.ofNullable(all.get(key));
        }
        return all.values().stream().filter(Map.class::isInstance).map(v -> ((Map<?, ?>) v).get(key))
                .filter(v -> v != null).findFirst().map(v -> (Object) v);
    }
}
