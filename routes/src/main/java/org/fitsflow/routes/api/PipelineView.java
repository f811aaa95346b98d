package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.StackingSection;

/**
 * A pipeline as the API shows it, with the keys of its YAML.
 *
 * @param subs     {@code analyze} or {@code stack} for a pipeline that runs once over a session's subs, {@code null} for one
 *                 that runs on each file
 * @param stacking the stacking settings of a {@code subs: stack} pipeline, else {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PipelineView(String name, String description, boolean builtIn, String subs, Map<String, Object> stacking,
                           List<Map<String, Object>> steps, List<Map<String, Object>> exports) {
    static PipelineView of(PipelineDefinition p, boolean builtIn) {
        return new PipelineView(p.name(), p.description(), builtIn, p.subs().key(),
                p.stacking() == null ? null : StackingSection.toMap(p.stacking()),
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
