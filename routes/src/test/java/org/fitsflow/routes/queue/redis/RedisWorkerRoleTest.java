package org.fitsflow.routes.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.WorkerApplication;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.PrometheusScrape;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code fitsflow.role=worker}: the application runs no jobs itself (no worker slots), a separate worker
 * (here a second Spring context sharing the data folder, whose beans can be looked at) takes them from
 * Redis, and only the application writes the database. Its metrics show the jobs waiting in the Redis
 * stream, then each job the worker ran counted once, and no queue depth while Redis is down.
 * {@code deployment.RedisWorkersIT} runs the same as separate processes of the packaged jar.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@AutoConfigureObservability(tracing = false)
class RedisWorkerRoleTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("redis-worker-role");
    private static final String PREFIX = "role-" + UUID.randomUUID();
    private static RedisServer redis;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        redis = RedisServer.start(Files.createDirectories(FOLDERS.root().resolve("redis")));
        FOLDERS.register(registry);
        redis.registerQueue(registry, PREFIX);
        registry.add("fitsflow.executor-threads", () -> "0");
        // longer than a blocking read (1 s), short enough for a scrape while Redis is down
        registry.add("fitsflow.redis.command-timeout", () -> "2s");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aWorkerProcessRunsTheJobsAndTheApplicationRecordsAndCountsEachOnce() throws Exception {
        ApiClient api = new ApiClient(port);
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"worker role\"}").json().get("id").asLong();
        for (int i = 0; i < 3; i++) {
            assertThat(api.upload("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(),
                    "frame-" + i + ".fit").status()).isEqualTo(201);
        }
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        JsonNode processing = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"quick_dso\"}").json();
        List<Long> ids = new ArrayList<>();
        processing.get("jobs").forEach(job -> ids.add(job.get("id").asLong()));
        assertThat(ids).hasSize(3);

        Thread.sleep(1500);
        assertThat(ids).allSatisfy(id -> assertThat(api.get("/api/process/jobs/" + id).json().get("status").asText())
                .as("no worker yet").isEqualTo("queued"));
        assertThat(queueDepth(api)).as("jobs waiting in the Redis stream").isEqualTo(3.0);

        try (ConfigurableApplicationContext worker = WorkerApplication.start("--fitsflow.data-dir=" + FOLDERS.data(),
                "--fitsflow.redis.url=" + redis.url(), "--fitsflow.redis.key-prefix=" + PREFIX, "--fitsflow.executor=local",
                "--fitsflow.executor-threads=2", "--fitsflow.redis.start-delay-ms=100", "--camel.springboot.name=fitsflow-worker")) {
            assertThat(worker.getBeansOfType(DataSource.class)).as("a worker has no database").isEmpty();
            assertThat(worker.getBeansOfType(JobStore.class)).isEmpty();

            for (long id : ids) {
                JsonNode done = Await.until("job " + id, Duration.ofMinutes(3), () -> api.get("/api/process/jobs/" + id).json(),
                        j -> !j.get("status").asText().matches("queued|running"));
                assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
                assertThat(FOLDERS.data().resolve("jobs/" + id + "/outputs").resolve(done.get("output_files").get(0).asText())).exists();
            }
        }

        PrometheusScrape metrics = PrometheusScrape.of(api.get("/actuator/prometheus"));
        assertThat(metrics.value("fitsflow_jobs_total", "pipeline", "quick_dso", "status", "complete")).isEqualTo(3.0);
        assertThat(metrics.value("fitsflow_job_duration_seconds_count", "pipeline", "quick_dso", "status", "complete")).isEqualTo(3.0);
        assertThat(queueDepth(api)).isZero();
        redis.stop();
        assertThat(queueDepth(api)).as("Redis cannot be asked").isNaN();
    }

    private static double queueDepth(ApiClient api) {
        return PrometheusScrape.of(api.get("/actuator/prometheus")).value("fitsflow_queue_depth", "queue", "redis");
    }
}
