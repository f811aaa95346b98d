package org.fitsflow.routes.api;

import java.util.List;
import java.util.Map;
import org.fitsflow.processors.pipeline.PipelineDefinition;

/** A pipeline as the API shows it. */
public record PipelineView(String name, String description, boolean builtIn, List<Map<String, Object>> steps,
                           List<Map<String, Object>> exports) {
    static PipelineView of(PipelineDefinition p, boolean builtIn) {
        return new PipelineView(p.name(), p.description(), builtIn,
                p.steps().stream().map(s -> withType("step", s.type(), s.params())).toList(),
                p.exports().stream().map(e -> withType("format", e.format(), e.params())).toList());
    }

    private static Map<String, Object> withType(String key, String type, Map<String, Object> params) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put(key, type);
        map.putAll(params);
        return map;
    }
}
