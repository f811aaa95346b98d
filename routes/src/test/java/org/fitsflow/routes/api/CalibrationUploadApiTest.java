package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.GradientFlats;
import org.fitsflow.routes.support.RunningServiceTest;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A session's uploads of type {@code flat} calibrate its stack of {@code light} uploads rather than being
 * stacked with them; the master's HISTORY says so, and says {@code calibration: none} for a session without.
 */
class CalibrationUploadApiTest extends RunningServiceTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("calibration-upload");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
    }

    @Test
    void flatUploadsCalibrateTheSessionsStack() throws IOException {
        List<Path> subs = SharedFiles.m94Subs();
        List<Path> flats = GradientFlats.write(subs.get(0), FOLDERS.root().resolve("made-flats"), 3);
        long session = api.createSession("m94 with flats");
        for (Path sub : subs) {
            upload(session, sub, "light");
        }
        for (Path flat : flats) {
            upload(session, flat, "flat");
        }

        String header = masterHeader(stack(session));
        assertThat(header).containsPattern("STACKCNT= +" + subs.size() + " ");
        assertThat(header).as("the flats calibrate, they are no lights").contains("HISTORY calibration: master flat of 3 frames");
        assertThat(header).doesNotContain("calibration: none");
    }

    @Test
    void aSessionOfLightsOnlyStacksUncalibrated() {
        long session = api.createSession("m94 lights only");
        for (Path sub : SharedFiles.m94Subs()) {
            upload(session, sub, "light");
        }
        assertThat(masterHeader(stack(session))).contains("HISTORY calibration: none");
    }

    @Test
    void aSessionOfCalibrationFramesOnlyIsRefusedBeforeAnyJobAndKept() throws IOException {
        List<Path> subs = SharedFiles.m94Subs();
        List<Path> flats = GradientFlats.write(subs.get(0), FOLDERS.root().resolve("flats-only"), 2);
        long session = api.createSession("flats and a dark, no lights");
        for (Path flat : flats) {
            upload(session, flat, "flat");
        }
        upload(session, subs.get(0), "dark");
        api.postJson("/api/process/sessions/" + session + "/finalize", "");

        ApiClient.Answer refused = api.postJson("/api/process/sessions/" + session + "/process",
                "{\"pipeline_name\":\"stack_subs\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("conflict");
        assertThat(refused.json().get("detail").asText()).isEqualTo("session " + session
                + " has calibration frames (1 dark, 2 flat) but no lights or frames for stack_subs to process;"
                + " upload the subs with file_type light");
        JsonNode kept = api.get("/api/process/sessions/" + session).json();
        assertThat(kept.get("files")).hasSize(3);
        assertThat(kept.get("jobs")).as("nothing queued").isEmpty();
        assertThat(StreamSupport.stream(api.get("/api/process/jobs").json().spliterator(), false)
                .filter(job -> job.path("session_id").asLong() == session)).isEmpty();
    }

    private void upload(long session, Path file, String type) {
        ApiClient.Answer answer = api.upload(ApiClient.uploadPath(session), file, file.getFileName().toString(), type);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private JsonNode stack(long session) {
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        ApiClient.Answer queued = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\":\"stack_subs\"}");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        long id = queued.json().get("id").asLong();
        JsonNode job = Await.until("job " + id, Duration.ofMinutes(3), () -> api.job(id),
                j -> j.get("status").asText().matches("complete|failed"));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("complete");
        return job;
    }

    /** The master FITS's header cards, as one string of 80-column cards. */
    private String masterHeader(JsonNode job) {
        String master = StreamSupport.stream(job.get("output_files").spliterator(), false)
                .map(JsonNode::asText).filter(n -> n.endsWith(".fits")).findFirst().orElseThrow();
        byte[] fits = api.get("/api/process/jobs/" + job.get("id").asLong() + "/download?file=" + master).bytes();
        StringBuilder header = new StringBuilder();
        for (int card = 0; (card + 1) * 80 <= fits.length; card++) {
            String text = new String(fits, card * 80, 80, StandardCharsets.US_ASCII);
            if (text.startsWith("END     ")) {
                return header.toString();
            }
            header.append(text);
        }
        throw new AssertionError(master + " has no END card");
    }
}
