package org.fitsflow.routes.executor.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.pipeline.ExportSpec;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.StackingSection;
import org.fitsflow.processors.pipeline.StepSpec;

/**
 * A pipeline in the form {@code job.json} carries it, the one REST clients post:
 * {@code {name, description, subs, stacking: {kappa, ...}, steps: [{step, ...params}], exports: [{format, ...params}]}},
 * subs and stacking only where the pipeline has them.
 */
final class PipelineDocument {
    private PipelineDocument() {
    }

    static Map<String, Object> of(PipelineDefinition pipeline) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", pipeline.name());
        document.put("description", pipeline.description());
        if (pipeline.overSubs()) {
            document.put("subs", pipeline.subs().key());
        }
        if (pipeline.stacking() != null) {
            document.put(StackingSection.KEY, StackingSection.toMap(pipeline.stacking()));
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepSpec step : pipeline.steps()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("step", step.type());
            item.putAll(step.params());
            steps.add(item);
        }
        document.put("steps", steps);
        List<Map<String, Object>> exports = new ArrayList<>();
        for (ExportSpec export : pipeline.exports()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("format", export.format());
            item.putAll(export.params());
            exports.add(item);
        }
        document.put("exports", exports);
        return document;
    }
}
