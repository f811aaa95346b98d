package org.fitsflow.routes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.JarProcess;
import org.fitsflow.routes.support.PrometheusScrape;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged service jar as a user starts it, from an empty folder, with {@code FITSFLOW_SECURITY_TOKEN}
 * in its environment: 401 without the token or with a wrong one, the API and {@code /actuator/prometheus}
 * with it, the health check open, and the token nowhere in what the process printed.
 */
class SecuredServiceJarIT {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("secured-jar");
    private static final String TOKEN = "jar-" + UUID.randomUUID();
    private static final String WRONG = "wrong-" + UUID.randomUUID();

    private final int port = JarProcess.freePort();
    private final ApiClient anonymous = new ApiClient(port);
    private final ApiClient authorized = anonymous.with("Authorization", "Bearer " + TOKEN);
    private JarProcess service;

    @AfterEach
    void stop() throws InterruptedException {
        service.close();
    }

    @Test
    void withTheTokenInItsEnvironmentTheJarAnswers401WithoutItServesWithItAndNeverPrintsIt() throws Exception {
        // started from an empty folder, as a systemd unit or a copied jar would be
        service = JarProcess.app(FOLDERS.root().resolve("elsewhere"), FOLDERS.root().resolve("service.log"), "1g", port,
                Map.of("FITSFLOW_SECURITY_TOKEN", TOKEN),
                "--fitsflow.data-dir=" + FOLDERS.data(),
                "--fitsflow.inbox.dir=" + FOLDERS.inbox(),
                "--fitsflow.outbox.dir=" + FOLDERS.outbox());
        service.awaitHealthy(Duration.ofMinutes(2));

        for (ApiClient client : List.of(anonymous, anonymous.with("Authorization", "Bearer " + WRONG))) {
            for (String path : List.of("/api/process/jobs", "/api/openapi.json", "/actuator/prometheus")) {
                ApiClient.Answer answer = client.get(path);
                assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(401);
                assertThat(answer.json().get("error").asText()).isEqualTo("unauthorized");
            }
        }

        long session = authorized.postJson("/api/process/sessions", "{\"session_name\": \"jar with a token\"}").json().get("id").asLong();
        assertThat(authorized.uploadBody("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(), "frame.fit")
                .status()).isEqualTo(201);
        authorized.postJson("/api/process/sessions/" + session + "/finalize", "");
        long jobId = authorized.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"quick_dso\"}").json()
                .get("id").asLong();
        String end = Await.until("job " + jobId, Duration.ofMinutes(2),
                () -> authorized.get("/api/process/jobs/" + jobId).json().get("status").asText(), s -> !s.matches("queued|running"));
        assertThat(end).isEqualTo("complete");

        PrometheusScrape metrics = PrometheusScrape.of(authorized.get("/actuator/prometheus"));
        assertThat(metrics.value("fitsflow_jobs_total", "pipeline", "quick_dso", "status", "complete")).isEqualTo(1.0);
        assertThat(metrics.value("fitsflow_upload_bytes_total")).isEqualTo(Files.size(SharedFiles.rgbNgc7023()));

        ApiClient.Answer signIn = anonymous.postJson("/api/auth/session", "{\"token\": \"" + TOKEN + "\"}");
        assertThat(signIn.status()).isEqualTo(204);
        String cookie = signIn.header("Set-Cookie").split(";")[0];
        assertThat(anonymous.with("Cookie", cookie).get("/api/process/jobs/" + jobId).status()).isEqualTo(200);

        service.terminate();
        assertThat(service.awaitExit(Duration.ofMinutes(1))).as("exit after SIGTERM").isIn(0, 143);
        String printed = service.log();
        assertThat(printed).contains("Access token set").contains("wrong access token").contains("Job " + jobId + ": complete");
        assertThat(printed).doesNotContain(TOKEN).doesNotContain(WRONG);
    }
}
