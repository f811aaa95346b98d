package org.fitsflow.routes.api;

import java.util.List;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.routes.pipelines.PipelineCatalog;
import org.fitsflow.routes.restretch.Restretcher;
import org.springframework.stereotype.Component;

/**
 * {@code /api/process/pipelines}: list, and add custom pipelines (YAML, or JSON which is YAML too). The pipelines
 * of re-stretches are the page's own and are not listed.
 */
@Component
public class PipelineApi {
    private static final int MAX_DEFINITION = 64 * 1024;

    private final PipelineCatalog catalog;

    public PipelineApi(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    public List<PipelineView> list() {
        return catalog.all().stream().filter(p -> !Restretcher.isRestretchPipeline(p.name())).map(p -> PipelineView.of(p, catalog.isBuiltIn(p.name()))).toList();
    }

    public PipelineView create(String definition) {
        if (definition == null || definition.isBlank()) {
            throw ApiException.badRequest("the body must be a pipeline definition (YAML or JSON) with name, description, steps and exports");
        }
        if (definition.length() > MAX_DEFINITION) {
            throw ApiException.badRequest("a pipeline definition is at most " + MAX_DEFINITION + " characters");
        }
        try {
            PipelineDefinition created = catalog.addCustom(definition);
            return PipelineView.of(created, false);
        } catch (InvalidPipelineException e) {
            throw new ApiException(400, "invalid pipeline", e.getMessage());
        }
    }
}
