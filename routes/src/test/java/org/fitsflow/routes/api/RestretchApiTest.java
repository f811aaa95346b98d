package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.RunningServiceTest;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Re-stretching a result through the service: a new job over the same frame or master with the settings
 * chosen, 400 JSON for settings the stretch refuses, and keeping one so that its preview stands for the
 * earlier job's.
 */
class RestretchApiTest extends RunningServiceTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("restretch");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
    }

    @Test
    void aRestretchOfAFrameIsANewJobWithItsOwnPreviewAndCanBeKept() throws IOException {
        JsonNode source = completed(api.process(api.createSession("frame"), SharedFiles.rgbNgc7023(), "ngc7023.fit", "quick_dso"));

        ApiClient.Answer queued = api.postJson("/api/process/jobs/" + source.get("id") + "/restretch",
                "{\"linked\": true, \"shadows_clip\": -3.5, \"curve\": \"asinh\"}");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(queued.json().get("restretch_of").asLong()).isEqualTo(source.get("id").asLong());
        assertThat(queued.json().get("input_file_ids")).isEqualTo(source.get("input_file_ids"));
        JsonNode restretch = completed(queued.json().get("id").asLong());
        assertThat(restretch.get("pipeline_name").asText()).startsWith("restretch-");
        assertThat(restretch.get("thumbnails")).hasSize(2);
        BufferedImage before = image(source.get("thumbnails").get(1).get("url").asText());
        BufferedImage after = image(restretch.get("thumbnails").get(1).get("url").asText());
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        assertThat(meanLevel(after)).as("another stretch, another picture").isNotEqualTo(meanLevel(before));
        assertThat(api.get("/api/process/pipelines").body()).as("the page's own pipelines are not offered").doesNotContain("restretch-");

        ApiClient.Answer kept = api.postJson("/api/process/jobs/" + restretch.get("id") + "/keep", "");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("id").asLong()).isEqualTo(source.get("id").asLong());
        assertThat(kept.json().get("kept_restretch_job_id").asLong()).isEqualTo(restretch.get("id").asLong());
        assertThat(api.job(source.get("id").asLong()).get("kept_restretch_job_id").asLong()).isEqualTo(restretch.get("id").asLong());

        ApiClient.Answer original = api.postJson("/api/process/jobs/" + source.get("id") + "/keep", "");
        assertThat(original.json().get("kept_restretch_job_id").isNull()).as("the original back").isTrue();
    }

    @Test
    void aStackIsRestretchedFromItsLinearMasterAndAnExportFromItsFrame() {
        long session = api.createSession("master");
        for (Path sub : SharedFiles.m94Subs()) {
            assertThat(api.upload(ApiClient.uploadPath(session), sub, sub.getFileName().toString(), "light").status()).isEqualTo(201);
        }
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        long stackId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"stack_subs\"}")
                .json().get("id").asLong();
        JsonNode stack = completed(stackId);
        String master = StreamSupport.stream(stack.get("output_files").spliterator(), false)
                .map(JsonNode::asText).filter(n -> n.endsWith(".fits")).findFirst().orElseThrow();

        ApiClient.Answer queued = api.postJson("/api/process/jobs/" + stackId + "/restretch", "{\"curve\": \"ghs\", \"ghs_local_intensity\": 2}");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode restretch = completed(queued.json().get("id").asLong());
        long input = restretch.get("input_file_ids").get(0).asLong();
        JsonNode files = api.get("/api/process/sessions/" + session).json().get("files");
        assertThat(StreamSupport.stream(files.spliterator(), false)
                .filter(f -> f.get("id").asLong() == input).map(f -> f.get("original_name").asText()))
                .as("the stack's master is the input").containsExactly(master);
        assertThat(api.get(restretch.get("thumbnails").get(0).get("url").asText()).status()).isEqualTo(200);

        JsonNode exported = completed(api.process(api.createSession("export"), SharedFiles.rgbNgc7023(), "export.fit", "export_fits"));
        ApiClient.Answer fromFrame = api.postJson("/api/process/jobs/" + exported.get("id") + "/restretch", "{}");
        assertThat(fromFrame.status()).as(fromFrame.body()).isEqualTo(202);
        assertThat(fromFrame.json().get("input_file_ids")).as("an export's FITS is no master: the frame is stretched")
                .isEqualTo(exported.get("input_file_ids"));
        assertThat(completed(fromFrame.json().get("id").asLong()).get("output_files").get(0).asText()).endsWith(".jpg");
    }

    @Test
    void settingsTheStretchRefusesAre400Json() {
        long id = api.process(api.createSession("bad"), SharedFiles.rgbNgc7023(), "bad.fit", "quick_dso");
        completed(id);
        String path = "/api/process/jobs/" + id + "/restretch";
        for (String[] bad : new String[][] {
                {"{\"target_background\": 2}", "target_background"},
                {"{\"shadows_clip\": \"-2.8; rm -rf\"}", "shadows_clip must be a number"},
                {"{\"linked\": \"yes\"}", "linked must be true or false"},
                {"{\"curve\": \"gamma\"}", "curve must be one of"},
                {"{\"exports\": []}", "unknown setting 'exports'"},
                {"{\"curve\": \"asinh\", \"asinh_stretch\": -1}", "asinh_stretch"},
                {"{\"curve\": \"mtf\", \"ghs_stretch\": 3}", "ghs_stretch"}}) {
            ApiClient.Answer answer = api.postJson(path, bad[0]);
            assertThat(answer.status()).as(bad[0] + " -> " + answer.body()).isEqualTo(400);
            assertThat(answer.json().get("detail").asText()).as(bad[0]).contains(bad[1]);
        }
        assertThat(api.postJson("/api/process/jobs/999999/restretch", "{}").status()).isEqualTo(404);
        assertThat(api.postJson("/api/process/jobs/999999/keep", "").status()).isEqualTo(404);
    }

    private JsonNode completed(long id) {
        JsonNode job = Await.until("job " + id, Duration.ofMinutes(2), () -> api.job(id), j -> j.get("status").asText().matches("complete|failed"));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("complete");
        return job;
    }

    private BufferedImage image(String url) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(api.get(url).bytes()));
    }

    private static double meanLevel(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            }
        }
        return sum / (3.0 * image.getWidth() * image.getHeight());
    }
}
