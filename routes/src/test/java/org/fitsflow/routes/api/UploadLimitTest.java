package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a small configured limit, a larger upload is refused with 413 and nothing of it is kept. */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UploadLimitTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("limit");
    private static final long LIMIT = 5_000_000;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
        registry.add("fitsflow.upload.max-bytes", () -> Long.toString(LIMIT));
    }

    @LocalServerPort
    int port;

    @Test
    void anUploadOverTheLimitIs413() throws IOException, InterruptedException {
        ApiClient api = new ApiClient(port);
        long session = api.postJson("/api/process/sessions", "{\"session_name\":\"limit\"}").json().get("id").asLong();

        // 12.4 MB against a 5 MB limit
        ApiClient.Answer tooLarge = api.upload("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(), "big.fit");
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.json().get("error").asText()).isEqualTo("file too large");
        assertThat(tooLarge.json().get("detail").asText()).contains(Long.toString(LIMIT));

        // sent as the body, with its length announced or streamed without one
        ApiClient.Answer bodyTooLarge = api.uploadBody("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(), "big.fit");
        assertThat(bodyTooLarge.status()).as(bodyTooLarge.body()).isEqualTo(413);
        assertThat(bodyTooLarge.json().get("detail").asText()).contains(Long.toString(LIMIT));
        HttpResponse<String> chunked = api.http().send(HttpRequest.newBuilder(api.uri("/api/process/sessions/" + session + "/upload"))
                .header("Content-Type", "application/fits")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> newInputStream(SharedFiles.rgbNgc7023()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);

        // a 4 MB raw sub-frame fits, and the service goes on
        ApiClient.Answer fits = api.upload("/api/process/sessions/" + session + "/upload", SharedFiles.rawSubNgc7023(), "sub.fit", "light");
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
        assertThat(fits.json().at("/header/bayer_pattern").asText()).isEqualTo("GRBG");

        // nothing of the refused uploads is kept
        try (Stream<Path> kept = Files.walk(FOLDERS.data().resolve("uploads"))) {
            assertThat(kept.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    private static InputStream newInputStream(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
