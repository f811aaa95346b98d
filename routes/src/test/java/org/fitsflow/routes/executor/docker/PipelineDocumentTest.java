package org.fitsflow.routes.executor.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.junit.jupiter.api.Test;

/** The pipeline as job.json carries it reads back, through JSON, as the same definition in the container. */
class PipelineDocumentTest {
    private final PipelineLoader loader = new PipelineLoader();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyShippedPipelineSurvivesTheWayThroughJobJson() throws Exception {
        for (String name : PipelineLibrary.BUILT_IN) {
            PipelineDefinition shipped = PipelineLibrary.builtIn(name);
            assertThat(throughJobJson(shipped)).as(shipped.name()).isEqualTo(shipped);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keepsWhatAPipelineRunsOverAndItsStackingSettings() throws Exception {
        PipelineDefinition stack = loader.parse("""
                name: my_stack
                subs: stack
                stacking: {kappa: 3.5, iterations: 2, reject_flagged: false, interpolation: bilinear, debayer: bilinear,
                           calibration: {combine: median, temperature_tolerance: 6}}
                steps: [{step: star_detection, threshold_sigma: 6}]
                exports: [{format: fits}]
                """);

        Map<String, Object> document = PipelineDocument.of(stack);

        assertThat(document).containsEntry("subs", "stack");
        Map<String, Object> stacking = (Map<String, Object>) document.get("stacking");
        assertThat(stacking).containsEntry("kappa_low", 3.5).containsEntry("kappa_high", 3.5)
                .containsEntry("iterations", 2).containsEntry("reject_flagged", false)
                .containsEntry("interpolation", "bilinear").containsEntry("debayer", "bilinear");
        assertThat((Map<String, Object>) stacking.get("calibration")).containsEntry("combine", "median")
                .containsEntry("temperature_tolerance", 6.0).containsEntry("exposure_tolerance", 0.5);
        assertThat(throughJobJson(stack)).isEqualTo(stack);
        assertThat(PipelineDocument.of(loader.parse("name: one\nexports: [{format: jpeg}]\n")))
                .doesNotContainKeys("subs", "stacking");
    }

    @SuppressWarnings("unchecked")
    private PipelineDefinition throughJobJson(PipelineDefinition pipeline) throws Exception {
        String text = json.writeValueAsString(PipelineDocument.of(pipeline));
        return loader.fromMap(json.readValue(text, Map.class));
    }
}
