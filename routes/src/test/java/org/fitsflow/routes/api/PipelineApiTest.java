package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fitsflow.routes.support.ApiClient.uploadPath;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.RunningServiceTest;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Custom pipelines through the API, and pipelines over a set of subs, which run one job over a session. */
class PipelineApiTest extends RunningServiceTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("pipelines");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
        registry.add("fitsflow.executor-threads", () -> "1");
    }

    @Test
    void customPipelinesAreValidatedAndOffered() {
        String yaml = """
                name: quick_linked
                description: Linked stretch and a JPEG
                steps:
                  - step: histogram_stretch
                    mode: linked
                exports:
                  - format: jpeg
                    quality: 90
                """;
        ApiClient.Answer created = api.post("/api/process/pipelines", "application/yaml", yaml);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("quick_linked");
        assertThat(created.json().get("built_in").asBoolean()).isFalse();

        JsonNode all = api.get("/api/process/pipelines").json();
        assertThat(all.findValuesAsText("name")).contains("quick_dso", "export_pixinsight", "quick_linked");

        ApiClient.Answer unknownStep = api.post("/api/process/pipelines", "application/yaml",
                yaml.replace("quick_linked", "broken").replace("histogram_stretch", "strech"));
        assertThat(unknownStep.status()).isEqualTo(400);
        assertThat(unknownStep.json().get("error").asText()).isEqualTo("invalid pipeline");
        assertThat(unknownStep.json().get("detail").asText()).contains("strech");

        ApiClient.Answer builtIn = api.post("/api/process/pipelines", "application/yaml", yaml.replace("quick_linked", "quick_dso"));
        assertThat(builtIn.status()).isEqualTo(400);
        assertThat(builtIn.json().get("detail").asText()).contains("built-in");

        ApiClient.Answer json = api.post("/api/process/pipelines", "application/json",
                "{\"name\":\"tiff_only\",\"description\":\"TIFF\",\"steps\":[],\"exports\":[{\"format\":\"tiff\",\"bits\":16}]}");
        assertThat(json.status()).as(json.body()).isEqualTo(201);
        assertThat(api.post("/api/process/pipelines", "text/plain", "- just\n- a list").status()).isEqualTo(400);
    }

    @Test
    void aPipelineOverSubsRunsOneJobOverTheWholeSession() throws IOException {
        long jobId = analyzesASessionOfSubsInOneJob("M 94 subs", "analyze_subs");

        assertThat(api.get("/api/process/jobs/" + jobId + "/download?file=../../fitsflow.db").status()).isEqualTo(404);
    }

    @Test
    void aCustomPipelineSaysItRunsOverSubsAndRunsOneJobOverTheSession() throws IOException {
        ApiClient.Answer created = api.post("/api/process/pipelines", "application/yaml", """
                name: night_report
                description: The quality report under another name
                subs: analyze
                steps:
                  - step: star_detection
                    threshold_sigma: 6
                exports:
                  - format: jpeg
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("subs").asText()).isEqualTo("analyze");
        JsonNode all = api.get("/api/process/pipelines").json();
        assertThat(pipelineNamed(all, "stack_subs").get("subs").asText()).isEqualTo("stack");
        assertThat(pipelineNamed(all, "stack_subs").get("stacking").get("interpolation").asText()).isEqualTo("bicubic");
        assertThat(pipelineNamed(all, "quick_dso").get("subs").isNull()).isTrue();
        ApiClient.Answer misplaced = api.post("/api/process/pipelines", "application/yaml",
                "name: not_stacking\nsubs: analyze\nstacking: {kappa: 3}\nexports: [{format: jpeg}]\n");
        assertThat(misplaced.status()).isEqualTo(400);
        assertThat(misplaced.json().get("detail").asText()).isEqualTo("stacking: only a pipeline with subs: stack stacks, this one has subs: analyze");

        analyzesASessionOfSubsInOneJob("M 94 night report", "night_report");
    }

    private static JsonNode pipelineNamed(JsonNode pipelines, String name) {
        for (JsonNode pipeline : pipelines) {
            if (pipeline.get("name").asText().equals(name)) {
                return pipeline;
            }
        }
        throw new AssertionError("no pipeline " + name + " in " + pipelines);
    }

    /** Uploads three M 94 subs into a new session, processes it with the pipeline and checks the report; returns the job id. */

    private long analyzesASessionOfSubsInOneJob(String sessionName, String pipeline) throws IOException {
        long session = api.createSession(sessionName);
        Path subs = Path.of(System.getProperty("fitsflow.shared", "../../shared"), "data/seestar-subs");
        List<Long> fileIds = new ArrayList<>();
        for (String name : List.of("Light_M_94_10.0s_IRCUT_20250326-212046.fit", "Light_M_94_10.0s_IRCUT_20250326-212057.fit",
                "Light_M_94_10.0s_IRCUT_20250326-212108.fit")) {
            fileIds.add(api.upload(uploadPath(session), subs.resolve(name), name, "light").json().get("id").asLong());
        }
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        ApiClient.Answer processing = api.postJson("/api/process/sessions/" + session + "/process",
                "{\"pipeline_name\":\"" + pipeline + "\"}");
        assertThat(processing.status()).as(processing.body()).isEqualTo(202);
        assertThat(processing.json().fieldNames()).toIterable()
                .containsExactly("id", "status", "progress_percent", "gpu_used", "pipeline_name", "jobs_per", "jobs");
        assertThat(processing.json().get("gpu_used").isNull()).as("not run yet").isTrue();
        assertThat(processing.json().get("jobs_per").asText()).isEqualTo("session");
        assertThat(processing.json().get("jobs")).hasSize(1);
        long jobId = processing.json().get("id").asLong();

        JsonNode done = Await.until("analysis", Duration.ofMinutes(3), () -> api.job(jobId),
                j -> !j.get("status").asText().matches("queued|running"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        List<Long> inputs = new ArrayList<>();
        done.get("input_file_ids").forEach(n -> inputs.add(n.asLong()));
        assertThat(inputs).containsExactlyElementsOf(fileIds);
        List<String> outputs = new ArrayList<>();
        done.get("output_files").forEach(n -> outputs.add(n.asText()));
        assertThat(outputs).allMatch(n -> n.startsWith("session-" + session + "." + pipeline));
        String csv = outputs.stream().filter(n -> n.endsWith(".csv")).findFirst().orElseThrow();
        ApiClient.Answer report = api.get("/api/process/jobs/" + jobId + "/download?file=" + csv);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Type")).startsWith("text/csv");
        assertThat(report.body().lines().filter(l -> l.contains("Light_M_94"))).hasSize(3);
        return jobId;
    }
}
