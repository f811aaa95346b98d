package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.RunningServiceTest;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The thumbnails of a job's JPEG output through the service on its real port: listed by the job view, served
 * with an ETag and cache headers, 304 for a client's current copy, 404 JSON for anything else, hostile names
 * included.
 */
class ThumbnailApiTest extends RunningServiceTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("thumbnails");

    /** One job for the class: made by the first test that needs it. */
    private static JsonNode job;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
    }

    @BeforeEach
    void aCompleteQuickDsoJob() {
        if (job != null) {
            return;
        }
        long session = api.createSession("thumbnails");
        ApiClient.Answer upload = api.upload(ApiClient.uploadPath(session), SharedFiles.rgbNgc7023(), "M 42 – night.fit");
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        ApiClient.Answer queued = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"quick_dso\"}");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        long id = queued.json().get("id").asLong();
        job = Await.until("job", Duration.ofMinutes(2), () -> api.job(id), j -> j.get("status").asText().matches("complete|failed"));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("complete");
    }

    @Test
    void theJobViewListsBothSidesOfItsJpeg() {
        List<String> names = new ArrayList<>();
        job.get("thumbnails").forEach(t -> {
            names.add(t.get("name").asText());
            assertThat(t.get("picture").asText()).isEqualTo(job.get("output_files").get(0).asText());
        });
        String stem = job.get("output_files").get(0).asText().replace(".jpg", "");
        assertThat(names).containsExactly(stem + ".1080.jpg", stem + ".320.jpg");
        assertThat(job.get("thumbnails").get(1).get("side").asInt()).isEqualTo(320);
        assertThat(job.get("thumbnails").get(1).get("url").asText())
                .isEqualTo("/api/process/jobs/" + job.get("id").asLong() + "/thumbnails/" + stem + ".320.jpg");
        assertThat(ThumbnailView.url(7, "M 42 – night.quick_dso.320.jpg"))
                .isEqualTo("/api/process/jobs/7/thumbnails/M%2042%20%E2%80%93%20night.quick_dso.320.jpg");
    }

    @Test
    void servesTheThumbnailWithItsTagAndCacheHeaders() throws IOException {
        for (int side : new int[] {320, 1080}) {
            ApiClient.Answer answer = api.get(url(side));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(answer.header("ETag")).matches("\"[0-9a-f]+-[0-9a-f]+\"");
            assertThat(answer.header("Cache-Control")).isEqualTo("private, max-age=3600");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.bytes()));
            assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(side);
        }
    }

    @Test
    void answers304ForTheCopyTheClientHolds() {
        String etag = api.get(url(320)).header("ETag");

        ApiClient.Answer again = api.get(url(320), "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(api.get(url(320), "If-None-Match", "\"other\", W/" + etag).status()).isEqualTo(304);
        assertThat(api.get(url(320), "If-None-Match", "\"other\"").status()).isEqualTo(200);
        assertThat(api.get(url(1080), "If-None-Match", etag).status()).as("another thumbnail, another tag").isEqualTo(200);
    }

    @Test
    void aNameWithSpacesAndPlusSignsIsServedByItsEncodedAddress() throws IOException {
        long id = job.get("id").asLong();
        Path folder = FOLDERS.data().resolve("jobs/" + id + "/outputs/thumbnails");
        Files.copy(folder.resolve(job.get("thumbnails").get(1).get("name").asText()), folder.resolve("M 42 + Ирис.quick_dso.320.jpg"));

        ApiClient.Answer answer = api.get(ThumbnailView.url(id, "M 42 + Ирис.quick_dso.320.jpg"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void aMissingThumbnailOrJobIs404Json() {
        long id = job.get("id").asLong();
        ApiClient.Answer missing = api.get("/api/process/jobs/" + id + "/thumbnails/other.quick_dso.320.jpg");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("not found");
        assertThat(missing.json().get("detail").asText()).contains("other.quick_dso.320.jpg");
        assertThat(api.get("/api/process/jobs/999999/thumbnails/a.320.jpg").status()).isEqualTo(404);
        assertThat(api.get("/api/process/jobs/" + id + "/thumbnails/M%2042.quick_dso.jpg").status())
                .as("an output, not a thumbnail").isEqualTo(404);
    }

    @Test
    void hostileNamesNeverReachAFileOutsideTheThumbnails() throws IOException {
        long id = job.get("id").asLong();
        Files.writeString(FOLDERS.data().resolve("jobs/" + id + "/secret.320.jpg"), "not for you");
        for (String name : List.of("..%2Fsecret.320.jpg", "%2E%2E%2Fsecret.320.jpg", "..%5Csecret.320.jpg",
                "%2E%2E%2F%2E%2E%2Fsecret.320.jpg", ".320.jpg", "..", "a%00.320.jpg", "thumbnails%2F..%2F..%2Fsecret.320.jpg")) {
            ApiClient.Answer answer = api.get("/api/process/jobs/" + id + "/thumbnails/" + name);
            assertThat(answer.status()).as(name + ": " + answer.body()).isBetween(400, 404);
            assertThat(answer.body()).as(name).doesNotContain("not for you");
        }
        ApiClient.Answer dotted = api.get("/api/process/jobs/" + id + "/thumbnails/../secret.320.jpg");
        assertThat(dotted.body()).doesNotContain("not for you");
    }

    private String url(int side) {
        for (JsonNode t : job.get("thumbnails")) {
            if (t.get("side").asInt() == side) {
                return t.get("url").asText();
            }
        }
        throw new AssertionError("no thumbnail of side " + side + " in " + job);
    }
}
