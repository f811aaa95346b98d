package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.RunningServiceTest;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What every answer carries and what the OpenAPI description and the health check say. */
class ApiDescriptionTest extends RunningServiceTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("api-description");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
        registry.add("fitsflow.executor-threads", () -> "1");
    }

    @Test
    void responsesDoNotEchoTheRequestsHeaders() {
        long session = api.createSession("headers");
        for (String path : List.of("/api/process/sessions/" + session + "?limit=3", "/api/process/jobs?limit=3",
                "/api/process/jobs/999999/download")) {
            ApiClient.Answer answer = api.get(path, "Cookie", "session=secret", "X-Api-Key", "k3y");
            assertThat(answer.raw().headers().map().keySet()).as(path)
                    .noneMatch(h -> h.equalsIgnoreCase("cookie") || h.equalsIgnoreCase("x-api-key")
                            || h.equalsIgnoreCase("limit") || h.equalsIgnoreCase("id"));
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
        }
    }

    @Test
    void openApiAndHealthAreServed() {
        ApiClient.Answer openapi = api.get("/api/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.json().at("/paths").toString()).contains("/api/process/sessions/{id}/process");
        // 503 until the inbox consumer has polled once, which a test right after start-up may come before
        ApiClient.Answer health = Await.until("the health check to say UP", Duration.ofSeconds(30),
                () -> api.get("/actuator/health"), answer -> answer.status() != 503);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.body()).contains("camel");
    }

    @Test
    void theOpenApiDescriptionSaysWhatEachAnswerHoldsInItsNamesOnTheWire() {
        JsonNode openapi = api.get("/api/openapi.json").json();
        JsonNode paths = openapi.get("paths");

        assertThat(schemaOf(paths.at("/~1api~1process~1sessions/post/responses/201"))).endsWith("/SessionView");
        assertThat(schemaOf(paths.at("/~1api~1process~1sessions~1{id}~1process/post/responses/202"))).endsWith("/QueuedJobsView");
        assertThat(schemaOf(paths.at("/~1api~1process~1jobs~1{id}/get/responses/200"))).endsWith("/JobView");
        assertThat(schemaOf(paths.at("/~1api~1process~1jobs~1{id}/get/responses/404"))).endsWith("/ErrorBody");
        assertThat(paths.at("/~1api~1process~1jobs~1{id}~1download/get/responses").fieldNames()).toIterable()
                .contains("200", "404", "409", "410");
        JsonNode schemas = openapi.at("/components/schemas");
        assertThat(schemas.at("/JobView/properties").fieldNames()).toIterable()
                .contains("progress_percent", "current_step", "output_files", "input_file_ids");
        assertThat(schemas.at("/QueuedJobsView/properties").fieldNames()).toIterable().contains("jobs_per", "pipeline_name");
        assertThat(schemas.at("/ErrorBody/properties").fieldNames()).toIterable().containsExactly("error", "detail");
    }

    @Test
    void theTargetsAreDescribedAndAnswerEvenWithoutAny() {
        JsonNode openapi = api.get("/api/openapi.json").json();
        JsonNode paths = openapi.get("paths");
        assertThat(schemaOf(paths.at("/~1api~1process~1targets/get/responses/200"))).endsWith("/TargetListView");
        assertThat(schemaOf(paths.at("/~1api~1process~1targets~1{id}~1nights~1{date}/get/responses/200"))).endsWith("/NightView");
        assertThat(schemaOf(paths.at("/~1api~1process~1targets~1{id}~1nights~1{date}~1restack/post/responses/202")))
                .endsWith("/RestackView");
        assertThat(paths.at("/~1api~1process~1targets~1{id}~1nights~1{date}~1restack/post/responses").fieldNames()).toIterable()
                .contains("202", "404", "409");
        JsonNode schemas = openapi.at("/components/schemas");
        assertThat(schemas.at("/NightView/properties").fieldNames()).toIterable()
                .contains("subs_taken", "subs_used", "subs_flagged", "fwhm_median_arcsec", "telescope_stack", "quality_plot_url");
        assertThat(schemas.at("/TargetView/properties").fieldNames()).toIterable()
                .contains("id", "kind", "integration_seconds", "nights_count", "last_night", "stacking", "latest", "updated_at");

        assertThat(api.get("/api/process/targets").json().get("targets").isArray()).isTrue();
        ApiClient.Answer unknown = api.get("/api/process/targets/m-94--ircut/nights/2025-03-26");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("not found");
        assertThat(api.postJson("/api/process/targets/m-94--ircut/nights/2025-03-26/restack", "").status()).isEqualTo(404);
    }

    private static String schemaOf(JsonNode response) {
        return response.at("/content/application~1json/schema/$ref").asText();
    }
}
