package org.fitsflow.routes.nights;

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
import org.fitsflow.routes.queue.redis.RedisServer;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.OutboxFiles;
import org.fitsflow.routes.support.SeestarSubs;
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
 * Nights of raw subs with {@code fitsflow.queue=redis} against a real redis-server: a night's stack is a job of
 * several input files, and it goes through the Redis stream to a worker like any other job; so does the deep stack
 * over two nights (the second made by bench/make_subs.py, a day later and turned by 70 degrees).
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NightOnRedisTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("night-redis");
    private static final String PREFIX = "night-" + UUID.randomUUID();
    private static final Duration STACK_TIMEOUT = Duration.ofMinutes(5);
    private static RedisServer redis;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        redis = RedisServer.start(Files.createDirectories(FOLDERS.root().resolve("redis")));
        FOLDERS.register(registry);
        redis.registerQueue(registry, PREFIX);
        registry.add("fitsflow.executor", () -> "local");
        registry.add("fitsflow.inbox.stable-seconds", () -> "1");
        registry.add("fitsflow.inbox.poll-delay-ms", () -> "200");
        registry.add("fitsflow.nights.quiet-minutes", () -> "0.1");
        registry.add("fitsflow.nights.check-interval", () -> "500ms");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @LocalServerPort
    int port;

    @Test
    void twoNightsAreStackedThroughTheRedisQueueAndTheirDeepStackFollows() throws Exception {
        ApiClient api = new ApiClient(port);
        Path subFolder = FOLDERS.inbox().resolve("MyWorks/M 94_sub");
        List<Path> made = SeestarSubs.nights(Files.createDirectories(FOLDERS.root().resolve("made")));
        for (Path sub : made.stream().filter(p -> p.getFileName().toString().matches(".*night[12]_.*")).toList()) {
            SeestarSubs.drop(sub, subFolder);
        }

        JsonNode night = awaitNight(api, "2025-03-26");
        JsonNode second = awaitNight(api, "2025-03-27");
        JsonNode deep = Await.until("the deep stack", STACK_TIMEOUT,
                () -> api.get("/api/process/targets/m-94--ircut").json().get("deep_stack"),
                d -> d != null && !d.isNull() && d.get("state").asText().matches("done|failed"));

        assertThat(night.get("state").asText()).as(night.toString()).isEqualTo("done");
        assertThat(second.get("state").asText()).as(second.toString()).isEqualTo("done");
        assertThat(night.get("subs_taken").asInt()).isEqualTo(3);
        assertThat(deep.get("state").asText()).as(deep.toString()).isEqualTo("done");
        assertThat(deep.get("nights_used").asInt()).isEqualTo(2);
        String stem = "M 94/M 94 2025-03-26 " + night.get("subs_used").asInt() + "x10s";
        assertThat(OutboxFiles.all(FOLDERS.outbox())).contains(stem + ".jpg", stem + ".fits", stem + ".quality.json",
                "M 94/M 94 all nights.jpg", "M 94/M 94 all nights.fits");
        JsonNode job = api.get("/api/process/jobs/" + night.get("job_id").asLong()).json();
        assertThat(job.get("pipeline_name").asText()).isEqualTo("night_stack");
        assertThat(job.get("input_file_ids")).hasSize(3);
        try (RedisClient client = RedisClient.create(redis.url()); StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().xlen(PREFIX + ":jobs")).as("every job acknowledged and removed from the stream").isZero();
        }
    }

    private static JsonNode awaitNight(ApiClient api, String date) {
        return Await.until("the night " + date + " stacked", STACK_TIMEOUT,
                () -> api.get("/api/process/targets/m-94--ircut/nights/" + date),
                a -> a.status() == 200 && a.json().get("state").asText().matches("done|failed")).json();
    }
}
