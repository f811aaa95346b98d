package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The README's curl walk-through, step by step, against the real service on a random port. */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadmeWalkthroughTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("walkthrough");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void uploadProcessAndDownloadAStackedFrame() throws IOException {
        ApiClient api = new ApiClient(port);

        // curl -X POST localhost:9247/api/process/sessions -H 'Content-Type: application/json' -d '{"session_name":"NGC 7023"}'
        ApiClient.Answer created = api.postJson("/api/process/sessions", "{\"session_name\": \"NGC 7023\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode session = created.json();
        assertThat(session.get("status").asText()).isEqualTo("uploading");
        assertThat(session.get("session_name").asText()).isEqualTo("NGC 7023");
        assertThat(session.get("total_files").asInt()).isZero();
        assertThat(session.get("created_at").asText()).endsWith("Z");
        long id = session.get("id").asLong();

        // curl -F file=@seestar-rgb-ngc7023.fit localhost:9247/api/process/sessions/1/upload
        ApiClient.Answer uploaded = api.upload("/api/process/sessions/" + id + "/upload", SharedFiles.rgbNgc7023(),
                "seestar-rgb-ngc7023.fit");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode file = uploaded.json();
        assertThat(file.get("original_name").asText()).isEqualTo("seestar-rgb-ngc7023.fit");
        assertThat(file.get("file_type").asText()).isEqualTo("stacked");
        assertThat(file.get("size_bytes").asLong()).isEqualTo(12447360L);
        // a Seestar frame is portrait: NAXIS1 = 1080 columns, NAXIS2 = 1920 rows
        assertThat(file.at("/header/width").asInt()).isEqualTo(1080);
        assertThat(file.at("/header/height").asInt()).isEqualTo(1920);
        assertThat(file.at("/header/planes").asInt()).isEqualTo(3);

        // curl -X POST localhost:9247/api/process/sessions/1/finalize
        ApiClient.Answer finalized = api.postJson("/api/process/sessions/" + id + "/finalize", "");
        assertThat(finalized.status()).as(finalized.body()).isEqualTo(200);
        assertThat(finalized.json().get("status").asText()).isEqualTo("ready");
        assertThat(finalized.json().get("total_files").asInt()).isEqualTo(1);

        // curl -X POST localhost:9247/api/process/sessions/1/process -H 'Content-Type: application/json' -d '{"pipeline_name":"quick_dso"}'
        ApiClient.Answer processing = api.postJson("/api/process/sessions/" + id + "/process", "{\"pipeline_name\": \"quick_dso\"}");
        assertThat(processing.status()).as(processing.body()).isEqualTo(202);
        JsonNode job = processing.json();
        assertThat(job.get("status").asText()).isEqualTo("queued");
        assertThat(job.get("progress_percent").asDouble()).isZero();
        assertThat(job.has("gpu_used")).isTrue();
        assertThat(job.get("jobs")).hasSize(1);
        long jobId = job.get("id").asLong();

        // curl localhost:9247/api/process/jobs/1   (until "status": "complete")
        JsonNode done = Await.until("job " + jobId + " to finish", Duration.ofMinutes(2),
                () -> api.get("/api/process/jobs/" + jobId).json(),
                j -> !j.get("status").asText().matches("queued|running"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        assertThat(done.get("progress_percent").asDouble()).isEqualTo(100.0);
        assertThat(done.get("gpu_used").isBoolean()).isTrue();
        assertThat(done.get("started_at").asText()).endsWith("Z");
        assertThat(done.get("completed_at").asText()).endsWith("Z");
        assertThat(done.get("output_files").get(0).asText()).isEqualTo("seestar-rgb-ngc7023.quick_dso.jpg");

        // curl -OJ localhost:9247/api/process/jobs/1/download
        ApiClient.Answer download = api.get("/api/process/jobs/" + jobId + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("image/jpeg");
        assertThat(download.header("Content-Disposition")).contains("filename=\"seestar-rgb-ngc7023.quick_dso.jpg\"");
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(download.bytes()));
        assertThat(jpeg).isNotNull();
        assertThat(jpeg.getWidth()).isEqualTo(1080);
        assertThat(jpeg.getHeight()).isEqualTo(1920);

        JsonNode listed = api.get("/api/process/jobs?limit=5").json();
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(jobId);
        JsonNode detail = api.get("/api/process/sessions/" + id).json();
        assertThat(detail.get("files")).hasSize(1);
        assertThat(detail.get("jobs").get(0).get("status").asText()).isEqualTo("complete");
    }
}
