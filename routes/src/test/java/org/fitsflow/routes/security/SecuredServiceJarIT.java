package org.fitsflow.routes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.PrometheusScrape;
import org.fitsflow.routes.support.ServiceJar;
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

    private final int port = ServiceJar.freePort();
    private final ApiClient anonymous = new ApiClient(port);
    private final ApiClient authorized = anonymous.with("Authorization", "Bearer " + TOKEN);
    private final Path output = FOLDERS.root().resolve("service.log");
    private Process service;

    @AfterEach
    void stop() throws InterruptedException {
        ServiceJar.stop(service);
    }

    @Test
    void withTheTokenInItsEnvironmentTheJarAnswers401WithoutItServesWithItAndNeverPrintsIt() throws Exception {
        service = start();
        Await.until("the service to answer its health check", Duration.ofMinutes(2), this::healthStatus, status -> status == 200);

        for (ApiClient client : List.of(anonymous, anonymous.with("Authorization", "Bearer " + WRONG))) {
            for (String path : List.of("/api/process/jobs", "/api/openapi.json", "/actuator/prometheus")) {
                ApiClient.Answer answer = client.get(path);
                assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(401);
                assertThat(answer.json().get("error").asText()).isEqualTo("unauthorized");
            }
        }

        long session = authorized.postJson("/api/process/sessions", "{\"session_name\": \"jar with a token\"}").json().get("id").asLong();
        assertThat(authorized.uploadBody("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(), "frame.fit", null)
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

        service.destroy();
        assertThat(service.waitFor()).as("exit after SIGTERM").isIn(0, 143);
        String printed = Files.readString(output);
        assertThat(printed).contains("Access token set").contains("wrong access token").contains("Job " + jobId + ": complete");
        assertThat(printed).doesNotContain(TOKEN).doesNotContain(WRONG);
    }

    private Process start() throws IOException {
        // started from an empty folder, as a systemd unit or a copied jar would be
        Path workingDirectory = Files.createDirectories(FOLDERS.root().resolve("elsewhere"));
        return ServiceJar.start(FOLDERS, port, "1g", workingDirectory, output, Map.of("FITSFLOW_SECURITY_TOKEN", TOKEN));
    }

    private int healthStatus() {
        assertThat(service.isAlive()).as("the service runs (its output: " + output + ")").isTrue();
        try {
            return anonymous.get("/actuator/health").status();
        } catch (UncheckedIOException notListeningYet) {
            return 0;
        }
    }
}
