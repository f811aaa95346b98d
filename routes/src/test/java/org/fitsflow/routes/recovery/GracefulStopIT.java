package org.fitsflow.routes.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.JarProcess;
import org.fitsflow.routes.support.JobEventTrail;
import org.fitsflow.routes.support.LargeFrames;
import org.fitsflow.routes.support.OutboxFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGTERM to the packaged service during a running inbox job, as systemd, {@code docker stop} or Ctrl-C send
 * it. With a grace period too short for the job, the job is handed back and runs again at the next start;
 * with a long enough one, the job finishes before the process ends. Either way it completes once, and the
 * outbox never holds half a file.
 */
class GracefulStopIT {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("graceful-stop");
    private final int port = JarProcess.freePort();
    private final Path home = FOLDERS.root().resolve("home");
    private JarProcess service;

    @AfterEach
    void stop() throws InterruptedException {
        service.close();
    }

    @Test
    void aJobLongerThanTheGracePeriodIsHandedBackAndOneWithinItFinishesBeforeTheServiceEnds() throws Exception {
        Path staged = LargeFrames.float32(FOLDERS.root().resolve("big-frame.fits"), 6248, 4176, 3);
        service = start("first", "0s");
        service.awaitHealthy(Duration.ofMinutes(2));
        Files.move(staged, Files.createDirectories(home.resolve("inbox/night1")).resolve("big-frame.fits"),
                StandardCopyOption.ATOMIC_MOVE);
        long jobId = awaitRunning(1).get("id").asLong();

        service.terminate();

        assertThat(service.awaitExit(Duration.ofSeconds(60))).isEqualTo(143);
        assertThat(service.log()).contains("1 job(s) still running after 0.0 s are handed back")
                .contains("Job " + jobId + ": handed back at shutdown; it runs again at the next start");
        assertThat(OutboxFiles.all(home.resolve("outbox"))).isEmpty();

        service = start("second", "120s");
        assertThat(awaitRunning(2).get("id").asLong()).isEqualTo(jobId);

        service.terminate();

        assertThat(service.awaitExit(Duration.ofSeconds(150))).isEqualTo(143);
        assertThat(service.log()).contains("1 running job(s) get up to 120.0 s to finish")
                .contains("Job " + jobId + ": complete");
        assertThat(JobEventTrail.transitionsTo(home.resolve("data/fitsflow.db"), "complete")).isEqualTo(Map.of(jobId, 1));
        assertThat(OutboxFiles.all(home.resolve("outbox"))).containsExactly("night1/big-frame.quick_dso.jpg");
        BufferedImage jpeg = ImageIO.read(home.resolve("outbox/night1/big-frame.quick_dso.jpg").toFile());
        assertThat(jpeg.getWidth()).isEqualTo(6248);
    }

    /** The job of the {@code attempt}-th run, once its pipeline has begun (it reported a step). */
    private JsonNode awaitRunning(int attempt) {
        List<JsonNode> jobs = Await.until("attempt " + attempt + " of the job to run", Duration.ofMinutes(4), service::jobs,
                list -> list.size() == 1 && list.get(0).get("status").asText().equals("running")
                        && list.get(0).get("attempts").asInt() == attempt && list.get(0).path("current_step").isTextual());
        return jobs.get(0);
    }

    /** Started in its own folder with the jar's defaults, as a systemd unit would. */
    private JarProcess start(String name, String grace) {
        return JarProcess.app(home, FOLDERS.root().resolve("service-" + name + ".log"), "3g", port,
                "--fitsflow.shutdown-grace=" + grace, "--fitsflow.inbox.stable-seconds=1", "--fitsflow.inbox.poll-delay-ms=200");
    }
}
