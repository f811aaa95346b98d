package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.processors.fits.HostileFitsCorpus;
import org.fitsflow.processors.fits.TestFits;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.LargeFrames;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API's answers to bad, hostile and unusual requests, and the long-running parts: cancel and events. */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiBehaviourTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("api");
    /** uuid, then the client's stem reduced to safe characters, then a FITS extension from a fixed list */
    private static final String STORED_NAME = "[0-9a-f-]{36}(_[A-Za-z0-9][A-Za-z0-9._-]*)?\\.(fit|fits)";

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
        registry.add("fitsflow.executor-threads", () -> "1");
        // the retention route sweeps every second here; only files made old by a test are old enough
        registry.add("fitsflow.retention.interval", () -> "1s");
        registry.add("fitsflow.retention.first-delay", () -> "1s");
    }

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void everyHostileFileIsRefusedWith415AndItsReason() throws IOException {
        Path dir = Files.createDirectories(FOLDERS.root().resolve("hostile-upload"));
        List<Function<Path, Path>> corpus = List.of(HostileFitsCorpus::empty, HostileFitsCorpus::text,
                HostileFitsCorpus::truncated, HostileFitsCorpus::truncatedHeader, HostileFitsCorpus::noEnd,
                HostileFitsCorpus::hugeNaxis, HostileFitsCorpus::bitpix12, HostileFitsCorpus::naxis4,
                HostileFitsCorpus::allNaN, HostileFitsCorpus::simpleFalse);
        long session = newSession("hostile");
        for (Function<Path, Path> make : corpus) {
            Path file = make.apply(dir);
            ApiClient.Answer answer = api.upload(uploadPath(session), file, file.getFileName().toString());
            assertThat(answer.status()).as(file.getFileName() + ": " + answer.body()).isEqualTo(415);
            JsonNode error = answer.json();
            assertThat(error.get("error").asText()).isEqualTo("not a usable FITS image");
            assertThat(error.get("detail").asText()).as(file.getFileName().toString())
                    .isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
            ApiClient.Answer asBody = api.uploadBody(uploadPath(session), file, file.getFileName().toString());
            assertThat(asBody.status()).as(file.getFileName() + " as the body: " + asBody.body()).isEqualTo(415);
            assertThat(asBody.json().get("detail").asText()).isEqualTo(error.get("detail").asText());
        }
        // nothing of them was kept, and the service still takes a good file
        assertThat(api.get("/api/process/sessions/" + session).json().get("files")).isEmpty();
        assertThat(api.upload(uploadPath(session), SharedFiles.rgbNgc7023(), "good.fit").status()).isEqualTo(201);
        assertThat(uploadedFiles()).allMatch(name -> name.matches(STORED_NAME)).anyMatch(name -> name.endsWith("_good.fit"));
    }

    @Test
    void clientFileNamesNeverBecomePaths() throws IOException {
        Path small = TestFits.image(16, 4, 4).samples(new double[16]).writeTo(FOLDERS.root().resolve("small.fit"));
        long session = newSession("names");
        String longName = "a".repeat(1000) + ".fits";
        List<String> hostile = List.of("../../x.fit", "/etc/fitsflow-test.fit", "..\\..\\win.fit", longName,
                "NGC 7023 – Ирис ☃.fit", "..", "");
        List<String> stored = new ArrayList<>();
        for (String name : hostile) {
            ApiClient.Answer answer = api.upload(uploadPath(session), small, name, "light");
            assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(201);
            stored.add(answer.json().get("original_name").asText());
            ApiClient.Answer asBody = api.uploadBody(uploadPath(session), small, name, "light");
            assertThat(asBody.status()).as(name + " as the body: " + asBody.body()).isEqualTo(201);
            assertThat(asBody.json().get("original_name").asText()).isEqualTo(stored.get(stored.size() - 1));
        }
        assertThat(stored).containsExactly("x.fit", "fitsflow-test.fit", "win.fit",
                "a".repeat(250) + ".fits", "NGC 7023 – Ирис ☃.fit", "upload.fit", "upload.fit");
        // the web server refuses a NUL in a part's header outright
        ApiClient.Answer nul = api.upload(uploadPath(session), small, "a\u0000b.fit");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("detail").asText()).contains("multipart");
        assertThat(Files.exists(Path.of("/etc/fitsflow-test.fit"))).isFalse();
        assertThat(Files.exists(FOLDERS.data().getParent().getParent().resolve("x.fit"))).isFalse();
        try (Stream<Path> all = Files.walk(FOLDERS.root())) {
            // every file the uploads created is a generated name inside data/uploads
            assertThat(all.filter(Files::isRegularFile).filter(p -> p.startsWith(FOLDERS.data().resolve("uploads"))))
                    .allMatch(p -> p.getFileName().toString().matches(STORED_NAME));
        }
        assertThat(uploadedFiles()).hasSizeGreaterThanOrEqualTo(hostile.size());
    }

    @Test
    void aFileSentAsTheBodyIsProcessedAndTheImageDecodedAtUploadGivesTheSameResult() {
        long session = newSession("body");
        ApiClient.Answer upload = api.uploadBody(uploadPath(session), SharedFiles.rgbNgc7023(), "NGC 7023.fit");
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(upload.json().get("original_name").asText()).isEqualTo("NGC 7023.fit");
        assertThat(upload.json().at("/header/object").asText()).isEqualTo("NGC 7023");
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        // the first job gets the image decoded while the upload was checked, the second reads the file
        byte[] first = processedJpeg(session);
        byte[] second = processedJpeg(session);
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    private byte[] processedJpeg(long session) {
        long jobId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"quick_dso\"}")
                .json().get("id").asLong();
        JsonNode done = Await.until("job " + jobId, Duration.ofMinutes(2), () -> job(jobId),
                j -> j.get("status").asText().equals("complete") || j.get("status").asText().equals("failed"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        ApiClient.Answer jpeg = api.get("/api/process/jobs/" + jobId + "/download");
        assertThat(jpeg.status()).isEqualTo(200);
        return jpeg.bytes();
    }

    @Test
    void uploadsAfterFinalizeAre409AndUnknownThingsAre404() {
        long session = newSession("closed");
        assertThat(api.postJson("/api/process/sessions/" + session + "/finalize", "").status()).isEqualTo(200);
        ApiClient.Answer late = api.upload(uploadPath(session), SharedFiles.rgbNgc7023(), "late.fit");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("finalize");
        assertThat(api.postJson("/api/process/sessions/" + session + "/finalize", "").status()).isEqualTo(409);
        ApiClient.Answer empty = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"quick_dso\"}");
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.json().get("detail").asText()).contains("no files");

        for (String path : List.of("/api/process/sessions/999999", "/api/process/jobs/999999",
                "/api/process/jobs/999999/download", "/api/process/no-such-thing")) {
            ApiClient.Answer missing = api.get(path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).as(path).isNotBlank();
            assertThat(missing.json().get("detail").asText()).as(path).isNotBlank();
        }
        assertThat(api.upload(uploadPath(999999), SharedFiles.rgbNgc7023(), "x.fit").status()).isEqualTo(404);
        assertThat(api.postJson("/api/process/jobs/999999/cancel", "").status()).isEqualTo(404);
        assertThat(api.delete("/api/process/sessions/999999").status()).isEqualTo(404);
    }

    @Test
    void badRequestsAre400WithAReason() {
        assertThat(api.postJson("/api/process/sessions", "{").status()).isEqualTo(400);
        ApiClient.Answer noName = api.postJson("/api/process/sessions", "{}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asText()).contains("session_name");
        long session = newSession("bad");
        ApiClient.Answer unknownPipeline = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"nope\"}");
        assertThat(unknownPipeline.status()).isEqualTo(400);
        assertThat(unknownPipeline.json().get("detail").asText()).contains("quick_dso");
        assertThat(api.get("/api/process/jobs?limit=abc").status()).isEqualTo(400);
        assertThat(api.get("/api/process/sessions/abc").status()).isEqualTo(400);
        ApiClient.Answer badType = api.upload(uploadPath(session), SharedFiles.rgbNgc7023(), "x.fit", "selfie");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("detail").asText()).contains("file_type");
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
    void cancellingARunningJobStopsItAndLeavesNoOutputs() {
        long session = newSession("cancel");
        Path big = LargeFrames.float32(FOLDERS.root().resolve("big-cancel.fits"), 6248, 4176, 3);
        assertThat(api.upload(uploadPath(session), big, "big.fits").status()).isEqualTo(201);
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        long jobId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"quick_dso\"}")
                .json().get("id").asLong();
        Await.until("job to run", Duration.ofMinutes(1), () -> job(jobId), j -> !j.get("status").asText().equals("queued"));

        ApiClient.Answer cancelled = api.postJson("/api/process/jobs/" + jobId + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");

        ApiClient.Answer download = api.get("/api/process/jobs/" + jobId + "/download");
        assertThat(download.status()).isEqualTo(409);
        assertThat(api.postJson("/api/process/jobs/" + jobId + "/cancel", "").status()).isEqualTo(409);
        // the worker stops and removes what it had written
        Await.until("outputs removed", Duration.ofSeconds(30),
                () -> Files.exists(FOLDERS.data().resolve("jobs/" + jobId)), exists -> !exists);
        JsonNode after = job(jobId);
        assertThat(after.get("status").asText()).isEqualTo("cancelled");
        assertThat(after.get("output_files")).isEmpty();

        // the worker is free again: a small job after it completes
        long small = newSession("after-cancel");
        api.upload(uploadPath(small), SharedFiles.rgbNgc7023(), "after.fit");
        api.postJson("/api/process/sessions/" + small + "/finalize", "");
        long next = api.postJson("/api/process/sessions/" + small + "/process", "{\"pipeline_name\":\"quick_dso\"}")
                .json().get("id").asLong();
        JsonNode done = Await.until("next job", Duration.ofMinutes(2), () -> job(next), j -> j.get("status").asText().equals("complete")
                || j.get("status").asText().equals("failed"));
        assertThat(done.get("status").asText()).isEqualTo("complete");
    }

    @Test
    void eventsStreamProgressUpToTheTerminalStatus() throws Exception {
        long session = newSession("events");
        api.upload(uploadPath(session), SharedFiles.rgbNgc7023(), "events.fit");
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        long jobId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"quick_dso\"}")
                .json().get("id").asLong();

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
        List<String> before = uploadedFiles();
        long session = newSession("delete-me");
        api.upload(uploadPath(session), SharedFiles.rgbNgc7023(), "delete.fit");
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        long jobId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"quick_dso\"}")
                .json().get("id").asLong();
        Await.until("job", Duration.ofMinutes(2), () -> job(jobId), j -> j.get("status").asText().equals("complete"));
        String stored = uploadedFiles().stream().filter(n -> !before.contains(n)).findFirst().orElse(null);
        assertThat(Files.exists(FOLDERS.data().resolve("jobs/" + jobId + "/outputs"))).isTrue();

        ApiClient.Answer deleted = api.delete("/api/process/sessions/" + session);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.get("/api/process/sessions/" + session).status()).isEqualTo(404);
        assertThat(api.get("/api/process/jobs/" + jobId).status()).isEqualTo(404);
        assertThat(Files.exists(FOLDERS.data().resolve("jobs/" + jobId))).isFalse();
        assertThat(stored).isNotNull();
        assertThat(uploadedFiles()).doesNotContain(stored);
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
        long session = newSession(sessionName);
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
        assertThat(processing.json().get("jobs_per").asText()).isEqualTo("session");
        assertThat(processing.json().get("jobs")).hasSize(1);
        long jobId = processing.json().get("id").asLong();

        JsonNode done = Await.until("analysis", Duration.ofMinutes(3), () -> job(jobId),
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

    @Test
    void theRetentionRouteRemovesOldUploadsAndOutputsAndSaysSo() throws IOException {
        List<String> before = uploadedFiles();
        long session = newSession("retention");
        api.upload(uploadPath(session), SharedFiles.rgbNgc7023(), "old.fit");
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        long jobId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"quick_dso\"}")
                .json().get("id").asLong();
        Await.until("job", Duration.ofMinutes(2), () -> job(jobId), j -> j.get("status").asText().equals("complete"));
        Path upload = FOLDERS.data().resolve("uploads").resolve(
                uploadedFiles().stream().filter(n -> !before.contains(n)).findFirst().orElseThrow());
        Path output = FOLDERS.data().resolve("jobs/" + jobId + "/outputs/old.quick_dso.jpg");
        Files.setLastModifiedTime(upload, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Files.setLastModifiedTime(output, FileTime.from(Instant.now().minus(Duration.ofDays(31))));

        JsonNode swept = Await.until("retention", Duration.ofSeconds(30), () -> job(jobId), j -> j.get("outputs_deleted").asBoolean());
        assertThat(swept.get("status").asText()).isEqualTo("complete");
        assertThat(Files.exists(output)).isFalse();
        JsonNode file = Await.until("upload removed", Duration.ofSeconds(30),
                () -> api.get("/api/process/sessions/" + session).json().get("files").get(0), f -> !f.get("deleted_at").isNull());
        assertThat(file.get("deleted_at").asText()).endsWith("Z");
        assertThat(Files.exists(upload)).isFalse();
        ApiClient.Answer gone = api.get("/api/process/jobs/" + jobId + "/download");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("detail").asText()).contains("retention");
    }

    @Test
    void responsesDoNotEchoTheRequestsHeaders() {
        long session = newSession("headers");
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
        ApiClient.Answer health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.body()).contains("camel");
    }

    private JsonNode job(long id) {
        return api.get("/api/process/jobs/" + id).json();
    }

    private long newSession(String name) {
        return api.postJson("/api/process/sessions", "{\"session_name\":\"" + name + "\"}").json().get("id").asLong();
    }

    private static String uploadPath(long session) {
        return "/api/process/sessions/" + session + "/upload";
    }

    private static List<String> uploadedFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDERS.data().resolve("uploads"))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
