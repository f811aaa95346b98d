package org.fitsflow.routes.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.PrometheusScrape;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.fitsflow.routes.worker.WorkerApplication;
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
 * The metrics of the application with {@code fitsflow.queue=redis} and no worker slots of its own: the
 * jobs waiting in the Redis stream, then, once a worker (a second Spring context) has run them, each job
 * counted once by the application, which records what workers report; no depth while Redis is down.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@AutoConfigureObservability(tracing = false)
class RedisQueueMetricsTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("redis-metrics");
    private static final String PREFIX = "metrics-" + UUID.randomUUID();
    private static RedisServer redis;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        redis = RedisServer.start(Files.createDirectories(FOLDERS.root().resolve("redis")));
        FOLDERS.register(registry);
        registry.add("fitsflow.queue", () -> "redis");
        registry.add("fitsflow.executor-threads", () -> "0");
        registry.add("fitsflow.redis.url", redis::url);
        registry.add("fitsflow.redis.key-prefix", () -> PREFIX);
        registry.add("fitsflow.redis.start-delay-ms", () -> "100");
        // longer than a blocking read (1 s), short enough for the scrape while Redis is down
        registry.add("fitsflow.redis.command-timeout", () -> "2s");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @LocalServerPort
    int port;

    @Test
    void theRedisQueueDepthAndTheJobsAWorkerRanCountedOnceByTheApplication() throws Exception {
        ApiClient api = new ApiClient(port);
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"redis metrics\"}").json().get("id").asLong();
        for (int i = 0; i < 2; i++) {
            assertThat(api.uploadBody("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(),
                    "frame-" + i + ".fit", null).status()).isEqualTo(201);
        }
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        List<Long> ids = new ArrayList<>();
        api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"quick_dso\"}").json()
                .get("jobs").forEach(job -> ids.add(job.get("id").asLong()));
        assertThat(ids).hasSize(2);

        Await.until("two jobs waiting in the Redis stream", Duration.ofSeconds(30), () -> depth(api), d -> d == 2.0);

        try (ConfigurableApplicationContext worker = WorkerApplication.start("--fitsflow.data-dir=" + FOLDERS.data(),
                "--fitsflow.redis.url=" + redis.url(), "--fitsflow.redis.key-prefix=" + PREFIX, "--fitsflow.executor=local",
                "--fitsflow.executor-threads=2", "--fitsflow.redis.start-delay-ms=100", "--camel.springboot.name=fitsflow-worker")) {
            for (long id : ids) {
                JsonNode done = Await.until("job " + id, Duration.ofMinutes(2), () -> api.get("/api/process/jobs/" + id).json(),
                        j -> !j.get("status").asText().matches("queued|running"));
                assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
            }
        }

        PrometheusScrape end = PrometheusScrape.of(api.get("/actuator/prometheus"));
        assertThat(end.value("fitsflow_jobs_total", "pipeline", "quick_dso", "status", "complete")).isEqualTo(2.0);
        assertThat(end.value("fitsflow_job_duration_seconds_count", "pipeline", "quick_dso", "status", "complete")).isEqualTo(2.0);
        assertThat(end.value("fitsflow_queue_depth", "queue", "redis")).isZero();

        redis.stop();
        assertThat(depth(api)).as("Redis cannot be asked").isNaN();
    }

    private static double depth(ApiClient api) {
        return PrometheusScrape.of(api.get("/actuator/prometheus")).value("fitsflow_queue_depth", "queue", "redis");
    }
}
