package org.fitsflow.routes.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.LargeFrames;
import org.fitsflow.routes.support.ServiceJar;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged service killed with SIGKILL while it processes a large inbox file, then started again:
 * the job runs again and completes exactly once, and the outbox never holds half a file.
 */
class KillRecoveryIT {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("kill");
    private final int port = ServiceJar.freePort();
    private final ApiClient api = new ApiClient(port);
    private Process service;

    @AfterEach
    void stop() throws InterruptedException {
        ServiceJar.stop(service);
    }

    @Test
    void aJobInterruptedByKillMinus9CompletesExactlyOnceAfterARestart() throws Exception {
        Path staged = LargeFrames.float32(FOLDERS.root().resolve("big-frame.fits"), 6248, 4176, 3);
        Files.createDirectories(FOLDERS.inbox().resolve("night1"));
        Files.move(staged, FOLDERS.inbox().resolve("night1/big-frame.fits"), StandardCopyOption.ATOMIC_MOVE);

        service = start("first");
        JsonNode running = Await.until("the job to run", Duration.ofMinutes(4), this::jobs,
                jobs -> jobs.size() == 1 && jobs.get(0).get("status").asText().equals("running")).get(0);
        long jobId = running.get("id").asLong();

        service.destroyForcibly();  // SIGKILL: no shutdown hook, no cleanup
        service.waitFor();
        assertThat(service.exitValue()).isEqualTo(137);

        service = start("second");
        List<JsonNode> jobs = Await.until("the job to finish after the restart", Duration.ofMinutes(4), this::jobs,
                list -> list.size() == 1 && !list.get(0).get("status").asText().matches("queued|running"));
        JsonNode job = jobs.get(0);
        assertThat(job.get("id").asLong()).isEqualTo(jobId);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("complete");
        assertThat(job.get("attempts").asInt()).isEqualTo(2);

        Path folder = FOLDERS.outbox().resolve("night1");
        try (Stream<Path> outbox = Files.list(folder)) {
            assertThat(outbox.map(p -> p.getFileName().toString())).containsExactly("big-frame.quick_dso.jpg");
        }
        BufferedImage jpeg = ImageIO.read(folder.resolve("big-frame.quick_dso.jpg").toFile());
        assertThat(jpeg.getWidth()).isEqualTo(6248);
        assertThat(jpeg.getHeight()).isEqualTo(4176);
        assertNoTemporaryFiles();
    }

    private Process start(String name) throws IOException {
        return ServiceJar.start(FOLDERS, port, "3g", FOLDERS.root(), FOLDERS.root().resolve("service-" + name + ".log"), Map.of(),
                "--fitsflow.inbox.stable-seconds=1", "--fitsflow.inbox.poll-delay-ms=200");
    }

    private List<JsonNode> jobs() {
        assertThat(service.isAlive()).as("the service is running (see its log in " + FOLDERS.root() + ")").isTrue();
        try {
            ApiClient.Answer answer = api.get("/api/process/jobs");
            if (answer.status() != 200) {
                return List.of();
            }
            List<JsonNode> list = new ArrayList<>();
            answer.json().forEach(list::add);
            return list;
        } catch (UncheckedIOException notListeningYet) {
            return List.of();
        }
    }

    private void assertNoTemporaryFiles() throws IOException {
        if (!Files.exists(FOLDERS.outbox())) {
            return;
        }
        try (Stream<Path> all = Files.walk(FOLDERS.outbox())) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".") || n.endsWith(".partial") || n.endsWith(".tmp"));
        }
    }
}
