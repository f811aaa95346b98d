package org.fitsflow.routes.executor.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
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
 * {@code fitsflow.executor=docker} behind the embedded in-process queue (no Redis): an upload runs in
 * a gpu-worker container, its staged input is removed afterwards and its output is downloadable.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LocalQueueDockerExecutorDockerIT {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("local-queue-docker");
    private static DockerClient docker;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        docker = DockerDaemon.connect();
        String image = DockerDaemon.buildWorkerImage(docker);
        FOLDERS.register(registry);
        registry.add("fitsflow.queue", () -> "local");
        registry.add("fitsflow.executor", () -> "docker");
        registry.add("fitsflow.docker.image", () -> image);
        registry.add("fitsflow.docker.socket", () -> DockerDaemon.SOCKET);
    }

    @AfterAll
    static void close() throws Exception {
        docker.close();
    }

    @LocalServerPort
    int port;

    @Test
    void anUploadRunsInAContainerBehindTheInProcessQueue() {
        ApiClient api = new ApiClient(port);
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"local queue, docker\"}").json().get("id").asLong();
        assertThat(api.upload("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(),
                "seestar-rgb-ngc7023.fit").status()).isEqualTo(201);
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        long jobId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"quick_dso\"}").json()
                .get("id").asLong();

        JsonNode done = Await.until("job " + jobId, Duration.ofMinutes(3), () -> api.get("/api/process/jobs/" + jobId).json(),
                j -> !j.get("status").asText().matches("queued|running"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        assertThat(done.get("backend").asText()).isEqualTo("cpu");
        assertThat(api.get("/api/process/jobs/" + jobId + "/download").status()).isEqualTo(200);
        assertThat(FOLDERS.data().resolve("jobs/" + jobId + "/input")).doesNotExist();
        assertThat(FOLDERS.data().resolve("jobs/" + jobId + "/result.json")).exists();
        assertThat(DockerDaemon.containersOfJob(docker, FOLDERS.data(), jobId)).isEmpty();
    }

    /** A pipeline over a set of subs runs in one container too, over all of the session's files. */
    @Test
    void aReportOverASetOfSubsRunsInOneContainer() {
        ApiClient api = new ApiClient(port);
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"M 94 subs, docker\"}").json().get("id").asLong();
        List<Path> subs = SharedFiles.m94Subs();
        for (Path sub : subs) {
            assertThat(api.upload("/api/process/sessions/" + session + "/upload", sub, sub.getFileName().toString(), "light")
                    .status()).isEqualTo(201);
        }
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        JsonNode started = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"analyze_subs\"}").json();
        assertThat(started.get("jobs")).hasSize(1);
        long jobId = started.get("id").asLong();

        JsonNode done = Await.until("job " + jobId, Duration.ofMinutes(3), () -> api.get("/api/process/jobs/" + jobId).json(),
                j -> !j.get("status").asText().matches("queued|running"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        assertThat(done.get("output_files")).extracting(JsonNode::asText).hasSize(3)
                .allMatch(name -> name.matches(".*\\.(json|csv|png)"));
        assertThat(FOLDERS.data().resolve("jobs/" + jobId + "/result.json")).exists();
        assertThat(FOLDERS.data().resolve("jobs/" + jobId + "/input")).doesNotExist();
        assertThat(DockerDaemon.containersOfJob(docker, FOLDERS.data(), jobId)).isEmpty();
    }
}
