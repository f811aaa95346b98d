package org.fitsflow.routes.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.store.JobEvent;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with {@code fitsflow.queue=redis} against a real redis-server: an upload processed by a
 * Redis worker and recorded by the application, and uploads accepted while Redis is down that run once
 * it is back.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisQueueServiceTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("redis-queue");
    private static final String PREFIX = "service-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static RedisServer redis;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        redis = RedisServer.start(Files.createDirectories(FOLDERS.root().resolve("redis")));
        FOLDERS.register(registry);
        redis.registerQueue(registry, PREFIX);
        registry.add("fitsflow.executor", () -> "local");
        registry.add("fitsflow.executor-threads", () -> "2");
        registry.add("fitsflow.redis.visibility-timeout", () -> "5s");
        registry.add("fitsflow.redis.publish-interval-ms", () -> "300");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JobStore jobs;

    @Test
    @Order(1)
    void anUploadIsProcessedByARedisWorkerAndRecordedByTheApplication() throws Exception {
        ApiClient api = new ApiClient(port);
        long jobId = submitNgc7023(api, "through Redis");

        JsonNode done = Await.until("job " + jobId + " to finish", WAIT,
                () -> api.get("/api/process/jobs/" + jobId).json(), j -> !j.get("status").asText().matches("queued|running"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        assertThat(done.get("progress_percent").asDouble()).isEqualTo(100.0);
        assertThat(done.get("output_files").get(0).asText()).isEqualTo("seestar-rgb-ngc7023.quick_dso.jpg");
        ApiClient.Answer download = api.get("/api/process/jobs/" + jobId + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes().length).isGreaterThan(100_000);
        List<String> trail = jobs.events(jobId).stream().map(JobEvent::toString).toList();
        assertThat(trail).as("state changes recorded by the application").anyMatch(e -> e.contains("running"))
                .anyMatch(e -> e.contains("complete"));
        try (RedisClient client = RedisClient.create(redis.url()); StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().xlen(PREFIX + ":jobs")).as("acknowledged and removed").isZero();
            assertThat(c.sync().hexists(PREFIX + ":published", Long.toString(jobId))).isFalse();
        }
    }

    @Test
    @Order(2)
    void uploadsAreAcceptedWhileRedisIsDownAndRunWhenItIsBack() throws Exception {
        ApiClient api = new ApiClient(port);
        redis.stop();

        long first = submitNgc7023(api, "while Redis is down 1");
        long second = submitNgc7023(api, "while Redis is down 2");
        Thread.sleep(1500);
        assertThat(api.get("/api/process/jobs/" + first).json().get("status").asText()).isEqualTo("queued");
        assertThat(api.get("/api/process/jobs/" + second).json().get("status").asText()).isEqualTo("queued");

        redis.restart();

        for (long jobId : new long[] {first, second}) {
            JsonNode done = Await.until("job " + jobId + " to finish after Redis came back", WAIT,
                    () -> api.get("/api/process/jobs/" + jobId).json(), j -> !j.get("status").asText().matches("queued|running"));
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        }
        Path outputs = FOLDERS.data().resolve("jobs/" + first + "/outputs");
        assertThat(outputs.resolve("seestar-rgb-ngc7023.quick_dso.jpg")).exists();
    }

    @Test
    @Order(3)
    void aPipelineOverSeveralSubsRunsAsOneJobOnARedisWorker() {
        ApiClient api = new ApiClient(port);
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"M 94 subs via Redis\"}").json().get("id").asLong();
        Path subs = Path.of(System.getProperty("fitsflow.shared", "../../shared"), "data/seestar-subs");
        for (String name : List.of("Light_M_94_10.0s_IRCUT_20250326-212046.fit", "Light_M_94_10.0s_IRCUT_20250326-212057.fit",
                "Light_M_94_10.0s_IRCUT_20250326-212108.fit")) {
            assertThat(api.upload("/api/process/sessions/" + session + "/upload", subs.resolve(name), name, "light").status()).isEqualTo(201);
        }
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        long jobId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"analyze_subs\"}").json()
                .get("id").asLong();

        JsonNode done = Await.until("job " + jobId, WAIT, () -> api.get("/api/process/jobs/" + jobId).json(),
                j -> !j.get("status").asText().matches("queued|running"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("complete");
        List<String> outputs = new java.util.ArrayList<>();
        done.get("output_files").forEach(n -> outputs.add(n.asText()));
        assertThat(outputs).isNotEmpty().allMatch(n -> n.startsWith("session-" + session + ".analyze_subs"));
        assertThat(FOLDERS.data().resolve("jobs/" + jobId + "/input")).as("staged subs removed").doesNotExist();
    }

    private static long submitNgc7023(ApiClient api, String name) {
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"" + name + "\"}").json().get("id").asLong();
        ApiClient.Answer uploaded = api.upload("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(),
                "seestar-rgb-ngc7023.fit");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(api.postJson("/api/process/sessions/" + session + "/finalize", "").status()).isEqualTo(200);
        ApiClient.Answer processing = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"quick_dso\"}");
        assertThat(processing.status()).as(processing.body()).isEqualTo(202);
        assertThat(processing.json().get("status").asText()).isEqualTo("queued");
        return processing.json().get("id").asLong();
    }
}
