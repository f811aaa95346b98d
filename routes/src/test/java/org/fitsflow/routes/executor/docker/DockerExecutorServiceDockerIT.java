package org.fitsflow.routes.executor.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.queue.redis.RedisServer;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production shape end to end: the service with {@code fitsflow.queue=redis} and
 * {@code fitsflow.executor=docker} against a real redis-server and a real Docker daemon. An upload runs
 * in a gpu-worker container and is downloadable; a container killed mid-job gives a failed job with
 * the reason.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DockerExecutorServiceDockerIT {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("docker-executor");
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static DockerClient docker;
    private static RedisServer redis;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        docker = DockerDaemon.connect();
        String image = DockerDaemon.buildWorkerImage(docker);
        redis = RedisServer.start(Files.createDirectories(FOLDERS.root().resolve("redis")));
        FOLDERS.register(registry);
        redis.registerQueue(registry, "docker-" + UUID.randomUUID());
        registry.add("fitsflow.executor", () -> "docker");
        registry.add("fitsflow.executor-threads", () -> "1");
        registry.add("fitsflow.redis.max-attempts", () -> "1");
        registry.add("fitsflow.docker.image", () -> image);
        registry.add("fitsflow.docker.socket", () -> DockerDaemon.SOCKET);
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
        docker.close();
    }

    @LocalServerPort
    int port;

    @Test
    void anUploadRunsInAContainerAndItsResultIsDownloadable() throws Exception {
        ApiClient api = new ApiClient(port);
        long jobId = submit(api, "docker end to end");

        JsonNode done = Await.until("job " + jobId, WAIT, () -> api.get("/api/process/jobs/" + jobId).json(),
                j -> !j.get("status").asText().matches("queued|running"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        assertThat(done.get("gpu_used").asBoolean()).isFalse();
        assertThat(done.get("output_files").get(0).asText()).isEqualTo("seestar-rgb-ngc7023.quick_dso.jpg");
        ApiClient.Answer download = api.get("/api/process/jobs/" + jobId + "/download");
        assertThat(download.status()).isEqualTo(200);
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(download.bytes()));
        assertThat(jpeg.getWidth()).isEqualTo(1080);
        assertThat(jpeg.getHeight()).isEqualTo(1920);
        assertThat(DockerDaemon.containersOfJob(docker, FOLDERS.data(), jobId)).as("container removed").isEmpty();
    }

    @Test
    void aContainerKilledMidJobEndsAsAFailedJobWithTheReason() throws Exception {
        ApiClient api = new ApiClient(port);
        long jobId = submit(api, "docker killed");

        List<Container> running = Await.until("the job's container", WAIT, () -> DockerDaemon.containersOfJob(docker, FOLDERS.data(), jobId),
                list -> !list.isEmpty() && "running".equals(list.get(0).getState()));
        docker.killContainerCmd(running.get(0).getId()).exec();

        JsonNode done = Await.until("job " + jobId, WAIT, () -> api.get("/api/process/jobs/" + jobId).json(),
                j -> !j.get("status").asText().matches("queued|running"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("failed");
        assertThat(done.get("error_message").asText())
                .isEqualTo("the job container was killed (exit code 137) before it finished (attempt 1 of 1)");
        assertThat(DockerDaemon.containersOfJob(docker, FOLDERS.data(), jobId)).as("container removed").isEmpty();
    }

    private static long submit(ApiClient api, String name) {
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"" + name + "\"}").json().get("id").asLong();
        assertThat(api.upload("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(),
                "seestar-rgb-ngc7023.fit").status()).isEqualTo(201);
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        return api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"quick_dso\"}").json()
                .get("id").asLong();
    }
}
