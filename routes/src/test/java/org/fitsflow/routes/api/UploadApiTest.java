package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fitsflow.routes.support.ApiClient.uploadPath;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fitsflow.processors.fits.HostileFitsCorpus;
import org.fitsflow.processors.fits.TestFits;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.RunningServiceTest;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The upload endpoint's answers to bad, hostile and unusual files and requests, and a file sent as the body. */
class UploadApiTest extends RunningServiceTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("uploads");
    /** uuid, then the client's stem reduced to safe characters, then a FITS extension from a fixed list */
    private static final String STORED_NAME = "[0-9a-f-]{36}(_[A-Za-z0-9][A-Za-z0-9._-]*)?\\.(fit|fits)";

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
        registry.add("fitsflow.executor-threads", () -> "1");
    }

    @Test
    void everyHostileFileIsRefusedWith415AndItsReason() throws IOException {
        Path dir = Files.createDirectories(FOLDERS.root().resolve("hostile-upload"));
        List<Function<Path, Path>> corpus = List.of(HostileFitsCorpus::empty, HostileFitsCorpus::text,
                HostileFitsCorpus::truncated, HostileFitsCorpus::truncatedHeader, HostileFitsCorpus::noEnd,
                HostileFitsCorpus::hugeNaxis, HostileFitsCorpus::bitpix12, HostileFitsCorpus::naxis4,
                HostileFitsCorpus::allNaN, HostileFitsCorpus::simpleFalse);
        long session = api.createSession("hostile");
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
        assertThat(FOLDERS.uploadedFiles()).allMatch(name -> name.matches(STORED_NAME)).anyMatch(name -> name.endsWith("_good.fit"));
    }

    @Test
    void clientFileNamesNeverBecomePaths() throws IOException {
        Path small = TestFits.image(16, 4, 4).samples(new double[16]).writeTo(FOLDERS.root().resolve("small.fit"));
        long session = api.createSession("names");
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
        assertThat(FOLDERS.uploadedFiles()).hasSizeGreaterThanOrEqualTo(hostile.size());
    }

    @Test
    void aFileSentAsTheBodyIsProcessedAndTheImageDecodedAtUploadGivesTheSameResult() {
        long session = api.createSession("body");
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
        JsonNode done = Await.until("job " + jobId, Duration.ofMinutes(2), () -> api.job(jobId),
                j -> j.get("status").asText().equals("complete") || j.get("status").asText().equals("failed"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        ApiClient.Answer jpeg = api.get("/api/process/jobs/" + jobId + "/download");
        assertThat(jpeg.status()).isEqualTo(200);
        return jpeg.bytes();
    }

    @Test
    void uploadsAfterFinalizeAre409AndUnknownThingsAre404() {
        long session = api.createSession("closed");
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
        long session = api.createSession("bad");
        ApiClient.Answer unknownPipeline = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"nope\"}");
        assertThat(unknownPipeline.status()).isEqualTo(400);
        assertThat(unknownPipeline.json().get("detail").asText()).contains("quick_dso");
        assertThat(api.get("/api/process/jobs?limit=abc").status()).isEqualTo(400);
        assertThat(api.get("/api/process/sessions/abc").status()).isEqualTo(400);
        ApiClient.Answer badType = api.upload(uploadPath(session), SharedFiles.rgbNgc7023(), "x.fit", "selfie");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("detail").asText()).contains("file_type");
    }
}
