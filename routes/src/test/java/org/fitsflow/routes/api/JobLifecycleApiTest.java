package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fitsflow.routes.support.ApiClient.uploadPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.LargeFrames;
import org.fitsflow.routes.support.RunningServiceTest;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The long-running parts of a job through the API: cancel, the event stream, deleting a session, retention. */
class JobLifecycleApiTest extends RunningServiceTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("job-lifecycle");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
        registry.add("fitsflow.executor-threads", () -> "1");
        // the retention route sweeps every second here; only files made old by a test are old enough
        registry.add("fitsflow.retention.interval", () -> "1s");
        registry.add("fitsflow.retention.first-delay", () -> "1s");
    }

    @Test
    void cancellingARunningJobStopsItAndLeavesNoOutputs() {
        long session = api.createSession("cancel");
        Path big = LargeFrames.float32(FOLDERS.root().resolve("big-cancel.fits"), 6248, 4176, 3);
        assertThat(api.upload(uploadPath(session), big, "big.fits").status()).isEqualTo(201);
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        long jobId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"quick_dso\"}")
                .json().get("id").asLong();
        Await.until("job to run", Duration.ofMinutes(1), () -> api.job(jobId), j -> !j.get("status").asText().equals("queued"));

        ApiClient.Answer cancelled = api.postJson("/api/process/jobs/" + jobId + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");

        ApiClient.Answer download = api.get("/api/process/jobs/" + jobId + "/download");
        assertThat(download.status()).isEqualTo(409);
        assertThat(api.postJson("/api/process/jobs/" + jobId + "/cancel", "").status()).isEqualTo(409);
        // the worker stops and removes what it had written
        Await.until("outputs removed", Duration.ofSeconds(30),
                () -> Files.exists(FOLDERS.data().resolve("jobs/" + jobId)), exists -> !exists);
        JsonNode after = api.job(jobId);
        assertThat(after.get("status").asText()).isEqualTo("cancelled");
        assertThat(after.get("output_files")).isEmpty();

        // the worker is free again: a small job after it completes
        long small = api.createSession("after-cancel");
        long next = api.process(small, SharedFiles.rgbNgc7023(), "after.fit", "quick_dso");
        JsonNode done = Await.until("next job", Duration.ofMinutes(2), () -> api.job(next), j -> j.get("status").asText().equals("complete")
                || j.get("status").asText().equals("failed"));
        assertThat(done.get("status").asText()).isEqualTo("complete");
    }

    @Test
    void eventsStreamProgressUpToTheTerminalStatus() throws Exception {
        long session = api.createSession("events");
        long jobId = api.process(session, SharedFiles.rgbNgc7023(), "events.fit", "quick_dso");

        HttpResponse<Stream<String>> stream = api.http().send(HttpRequest.newBuilder(api.uri("/api/process/jobs/" + jobId + "/events"))
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String[]> events = new ArrayList<>();
        String[] pending = new String[1];
        stream.body().forEach(line -> {
            if (line.startsWith("event:")) {
                pending[0] = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                events.add(new String[] {pending[0], line.substring(5).strip()});
            }
        });
        ObjectMapper json = new ObjectMapper();
        List<Double> percents = new ArrayList<>();
        for (String[] event : events.subList(0, events.size() - 1)) {
            assertThat(event[0]).isEqualTo("progress");
            assertThat(json.readTree(event[1]).fieldNames()).toIterable()
                    .containsExactly("id", "status", "progress_percent", "current_step");
            percents.add(json.readTree(event[1]).get("progress_percent").asDouble());
        }
        assertThat(percents).isSorted().last().isEqualTo(100.0);
        String[] last = events.get(events.size() - 1);
        assertThat(last[0]).isEqualTo("status");
        assertThat(json.readTree(last[1]).get("status").asText()).isEqualTo("complete");
        assertThat(api.get("/api/process/jobs/999999/events").status()).isEqualTo(404);
    }

    @Test
    void deletingASessionRemovesItsRowsUploadsAndOutputs() throws IOException {
        List<String> before = FOLDERS.uploadedFiles();
        long session = api.createSession("delete-me");
        long jobId = completedQuickDso(session, "delete.fit");
        String stored = FOLDERS.uploadedFiles().stream().filter(n -> !before.contains(n)).findFirst().orElse(null);
        assertThat(Files.exists(FOLDERS.data().resolve("jobs/" + jobId + "/outputs"))).isTrue();

        ApiClient.Answer deleted = api.delete("/api/process/sessions/" + session);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json()).isEqualTo(new ObjectMapper().readTree("{\"id\": " + session + ", \"deleted\": true}"));
        assertThat(api.get("/api/process/sessions/" + session).status()).isEqualTo(404);
        assertThat(api.get("/api/process/jobs/" + jobId).status()).isEqualTo(404);
        assertThat(Files.exists(FOLDERS.data().resolve("jobs/" + jobId))).isFalse();
        assertThat(stored).isNotNull();
        assertThat(FOLDERS.uploadedFiles()).doesNotContain(stored);
    }

    @Test
    void theRetentionRouteRemovesOldUploadsAndOutputsAndSaysSo() throws IOException {
        List<String> before = FOLDERS.uploadedFiles();
        long session = api.createSession("retention");
        long jobId = completedQuickDso(session, "old.fit");
        Path upload = FOLDERS.data().resolve("uploads").resolve(
                FOLDERS.uploadedFiles().stream().filter(n -> !before.contains(n)).findFirst().orElseThrow());
        Path output = FOLDERS.data().resolve("jobs/" + jobId + "/outputs/old.quick_dso.jpg");
        String thumbnail = api.job(jobId).get("thumbnails").get(0).get("url").asText();
        assertThat(api.get(thumbnail).status()).isEqualTo(200);
        Files.setLastModifiedTime(upload, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Files.setLastModifiedTime(output, FileTime.from(Instant.now().minus(Duration.ofDays(31))));

        JsonNode swept = Await.until("retention", Duration.ofSeconds(30), () -> api.job(jobId), j -> j.get("outputs_deleted").asBoolean());
        assertThat(swept.get("status").asText()).isEqualTo("complete");
        assertThat(Files.exists(output)).isFalse();
        assertThat(swept.get("thumbnails")).as("thumbnails go with their outputs").isEmpty();
        assertThat(api.get(thumbnail).status()).isEqualTo(404);
        assertThat(Files.exists(FOLDERS.data().resolve("jobs/" + jobId + "/outputs/thumbnails"))).isFalse();
        JsonNode file = Await.until("upload removed", Duration.ofSeconds(30),
                () -> api.get("/api/process/sessions/" + session).json().get("files").get(0), f -> !f.get("deleted_at").isNull());
        assertThat(file.get("deleted_at").asText()).endsWith("Z");
        assertThat(Files.exists(upload)).isFalse();
        ApiClient.Answer gone = api.get("/api/process/jobs/" + jobId + "/download");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("detail").asText()).contains("retention");
    }

    /** The Seestar frame uploaded into the session under that name and processed with quick_dso, complete. */
    private long completedQuickDso(long session, String fileName) {
        long jobId = api.process(session, SharedFiles.rgbNgc7023(), fileName, "quick_dso");
        Await.until("job", Duration.ofMinutes(2), () -> api.job(jobId), j -> j.get("status").asText().equals("complete"));
        return jobId;
    }
}
