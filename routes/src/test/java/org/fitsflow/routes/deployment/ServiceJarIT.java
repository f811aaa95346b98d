package org.fitsflow.routes.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.JarProcess;
import org.fitsflow.routes.support.OutboxFiles;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code java -jar fitsflow.jar} started in an empty folder, with nothing but a port on the command line:
 * the defaults and the built-in pipelines come from the jar, the database, inbox and outbox are made
 * there, and a frame goes through the REST API and through the inbox.
 */
class ServiceJarIT {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("service-jar");
    private static Path home;
    private static JarProcess service;

    @BeforeAll
    static void start() {
        home = FOLDERS.root().resolve("home");
        service = JarProcess.app(home, FOLDERS.root().resolve("service.log"), "1g", JarProcess.freePort());
        service.awaitHealthy(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        service.close();
    }

    @Test
    void startsOnTheJarsDefaultsAndBuiltInPipelines() {
        assertThat(service.log()).contains("Pipelines folder " + home.resolve("config/pipelines") + " (none there)")
                .contains("quick_dso (built-in)").contains("full_dso (built-in)");
        assertThat(home.resolve("data/fitsflow.db")).isRegularFile();
        JsonNode pipelines = service.api().get("/api/process/pipelines").json();
        assertThat(pipelines.findValuesAsText("name")).contains("quick_dso", "export_pixinsight", "full_dso", "stack_subs");
    }

    @Test
    void processesAnUploadedFrame() throws Exception {
        ApiClient api = service.api();
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"empty folder\"}").json().get("id").asLong();
        assertThat(api.upload("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(), "frame.fit").status())
                .isEqualTo(201);
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        long job = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"quick_dso\"}")
                .json().get("id").asLong();

        JsonNode done = Await.until("the job", Duration.ofMinutes(2), () -> api.get("/api/process/jobs/" + job).json(),
                j -> !j.get("status").asText().matches("queued|running"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(api.get("/api/process/jobs/" + job + "/download").bytes()));
        assertThat(jpeg.getWidth()).isEqualTo(1080);
        assertThat(jpeg.getHeight()).isEqualTo(1920);
    }

    @Test
    void processesAFrameDroppedIntoTheInbox() throws Exception {
        Path night = Files.createDirectories(home.resolve("inbox/night1"));
        Path staged = Files.copy(SharedFiles.rgbNgc7023(), FOLDERS.root().resolve("dropped.fit"));
        Files.move(staged, night.resolve("dropped.fit"), StandardCopyOption.ATOMIC_MOVE);

        Path delivered = home.resolve("outbox/night1/dropped.quick_dso.jpg");
        Await.until("the outbox file", Duration.ofMinutes(2), () -> Files.isRegularFile(delivered), found -> found);

        assertThat(ImageIO.read(delivered.toFile()).getHeight()).isEqualTo(1920);
        assertThat(OutboxFiles.temporary(home.resolve("outbox"))).isEmpty();
    }
}
