package org.fitsflow.routes.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.JarProcess;
import org.fitsflow.routes.support.OutboxFiles;
import org.fitsflow.routes.support.SeestarSubs;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code java -jar fitsflow.jar} started in an empty folder, a Seestar sub folder filling in its inbox: the night
 * arrives in the outbox by itself once it went quiet. A late sub restacks it, and SIGKILL during that stack leaves
 * the first stack's files in place until the restarted service has finished the new one.
 */
class NightsServiceJarIT {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("nights-jar");
    private static final String NIGHT = "/api/process/targets/m-94--ircut/nights/2025-03-26";
    private final int port = JarProcess.freePort();
    private JarProcess service;

    @AfterEach
    void stop() throws InterruptedException {
        service.close();
    }

    @Test
    void aNightOfSubsArrivesInTheOutboxAndSurvivesAKillDuringItsRestack() throws Exception {
        Path home = FOLDERS.root().resolve("home");
        Path subs = home.resolve("inbox/MyWorks/M 94_sub");
        Path outbox = home.resolve("outbox/M 94");
        List<Path> real = SharedFiles.m94Subs();
        service = start(home, "first");
        for (Path sub : real.subList(0, 3)) {
            SeestarSubs.drop(sub, subs);
            Thread.sleep(500);
        }

        Path first = outbox.resolve("M 94 2025-03-26 3x10s.jpg");
        Await.until(first + " in the outbox", Duration.ofMinutes(4), () -> Files.isRegularFile(first), found -> found);
        assertThat(ImageIO.read(first.toFile()).getWidth()).isGreaterThan(500);
        Await.until("the night done", Duration.ofMinutes(1), () -> service.api().get(NIGHT).json(),
                n -> n.get("state").asText().equals("done"));
        byte[] firstMaster = Files.readAllBytes(outbox.resolve("M 94 2025-03-26 3x10s.fits"));

        SeestarSubs.drop(real.get(3), subs);
        JsonNode stacking = Await.until("the restack to run", Duration.ofMinutes(2), () -> service.api().get(NIGHT).json(),
                n -> n.get("state").asText().equals("stacking") && n.get("progress_percent").asDouble() > 0);
        service.kill();
        assertThat(service.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
        assertThat(Files.readAllBytes(outbox.resolve("M 94 2025-03-26 3x10s.fits"))).as("the first stack stays").isEqualTo(firstMaster);
        assertThat(OutboxFiles.all(home.resolve("outbox"))).noneMatch(f -> f.contains("4x10s"));

        service = start(home, "second");
        JsonNode night = Await.until("the restack after the restart", Duration.ofMinutes(4), () -> service.api().get(NIGHT).json(),
                n -> n.get("state").asText().matches("done|failed"));
        assertThat(night.get("state").asText()).as(night.toString()).isEqualTo("done");
        assertThat(night.get("job_id").asLong()).as("the interrupted job ran again").isEqualTo(stacking.get("job_id").asLong());
        assertThat(night.get("subs_taken").asInt()).isEqualTo(4);
        assertThat(OutboxFiles.all(home.resolve("outbox"))).contains("M 94/M 94 2025-03-26 4x10s.jpg", "M 94/M 94 2025-03-26 4x10s.fits")
                .noneMatch(f -> f.contains("3x10s"));
        assertThat(OutboxFiles.temporary(home.resolve("outbox"))).isEmpty();
        assertThat(service.jobs()).as("two stacks of the night, the second run twice").hasSize(2)
                .anySatisfy(j -> assertThat(j.get("attempts").asInt()).isEqualTo(2));
    }

    private JarProcess start(Path home, String name) {
        JarProcess started = JarProcess.app(home, FOLDERS.root().resolve(name + ".log"), "1500m", port,
                "--fitsflow.nights.quiet-minutes=0.1", "--fitsflow.nights.check-interval=500ms",
                "--fitsflow.inbox.stable-seconds=1", "--fitsflow.inbox.poll-delay-ms=300");
        started.awaitHealthy(Duration.ofMinutes(2));
        return started;
    }
}
