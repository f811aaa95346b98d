package org.fitsflow.routes.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.models.stream.PendingMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.fitsflow.routes.queue.redis.RedisServer;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.JarProcess;
import org.fitsflow.routes.support.JobEventTrail;
import org.fitsflow.routes.support.OutboxFiles;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production shape, every part a real process started from the packaged jar in an empty folder of its
 * own: redis-server, the application (running no jobs itself) and two {@code fitsflow.role=worker} processes
 * sharing its data folder. One worker is killed with SIGKILL while it holds a job and Redis restarts
 * meanwhile; every inbox job still completes once, with its output in the outbox. Then the other worker
 * gets SIGTERM during a job and finishes it before it ends.
 */
class RedisWorkersIT {
    private static final int FRAMES = 8;
    private static final String VISIBILITY = "5s";

    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("redis-workers");
    private final Path home = FOLDERS.root().resolve("app");
    private RedisServer redis;
    private JarProcess app;
    private JarProcess killed;
    private JarProcess stopped;
    private RedisClient inspector;

    @AfterEach
    void stopAll() throws Exception {
        for (JarProcess process : new JarProcess[] {app, killed, stopped}) {
            if (process != null) {
                process.close();
            }
        }
        if (inspector != null) {
            inspector.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void jobsOfAKilledWorkerAndOfARedisRestartCompleteOnceAndAStoppedWorkerFinishesItsJob() throws Exception {
        redis = RedisServer.start(Files.createDirectories(FOLDERS.root().resolve("redis")));
        app = JarProcess.app(home, FOLDERS.root().resolve("app.log"), "1g", JarProcess.freePort(),
                "--fitsflow.queue=redis", "--fitsflow.redis.url=" + redis.url(), "--fitsflow.executor-threads=0",
                "--fitsflow.inbox.pipelines=full_dso", "--fitsflow.inbox.stable-seconds=1", "--fitsflow.inbox.poll-delay-ms=200",
                "--fitsflow.redis.publish-interval-ms=1000", "--fitsflow.redis.start-delay-ms=100");
        killed = worker("worker-a");
        stopped = worker("worker-b");
        app.awaitHealthy(Duration.ofMinutes(3));
        awaitStarted(killed);
        awaitStarted(stopped);
        inspector = RedisClient.create(redis.url());
        StatefulRedisConnection<String, String> connection = inspector.connect();

        for (int i = 1; i <= FRAMES; i++) {
            drop("frame-" + i + ".fit");
        }
        long killedJob = Await.until("worker A to run a job", Duration.ofMinutes(2), () -> runningOn(connection, killed),
                Optional::isPresent).orElseThrow();
        killed.kill();
        assertThat(killed.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
        redis.stop();
        redis.restart();

        List<JsonNode> jobs = Await.until("every job to end", Duration.ofMinutes(3), app::jobs,
                list -> list.size() == FRAMES && list.stream().noneMatch(j -> j.get("status").asText().matches("queued|running")));

        assertThat(jobs).allSatisfy(job -> assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("complete"));
        Map<Long, Integer> attempts = jobs.stream().collect(Collectors.toMap(j -> j.get("id").asLong(), j -> j.get("attempts").asInt()));
        assertThat(attempts).containsEntry(killedJob, 2);
        assertThat(attempts.entrySet()).filteredOn(e -> e.getKey() != killedJob).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(1));
        assertThat(JobEventTrail.transitionsTo(home.resolve("data/fitsflow.db"), "complete"))
                .isEqualTo(attempts.keySet().stream().collect(Collectors.toMap(id -> id, id -> 1)));
        assertThat(OutboxFiles.all(home.resolve("outbox")))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, FRAMES).mapToObj(i -> "frame-" + i + ".full_dso.jpg").sorted().toList());
        assertThat(ImageIO.read(home.resolve("outbox/frame-1.full_dso.jpg").toFile()).getHeight()).isEqualTo(1920);

        drop("frame-9.fit");
        long lastJob = Await.until("worker B to run the last job", Duration.ofMinutes(2), () -> runningOn(connection, stopped),
                Optional::isPresent).orElseThrow();
        stopped.terminate();

        assertThat(stopped.awaitExit(Duration.ofMinutes(2))).isEqualTo(143);
        assertThat(stopped.log()).contains("1 running job(s) get up to 120.0 s to finish").contains("the running jobs finished");
        JsonNode last = Await.until("the last job to be recorded", Duration.ofMinutes(1), () -> app.api().get("/api/process/jobs/" + lastJob).json(),
                j -> !j.get("status").asText().matches("queued|running"));
        assertThat(last.get("status").asText()).isEqualTo("complete");
        assertThat(last.get("attempts").asInt()).isEqualTo(1);
        assertThat(home.resolve("outbox/frame-9.full_dso.jpg")).isRegularFile();
        assertThat(OutboxFiles.temporary(home.resolve("outbox"))).isEmpty();
    }

    private JarProcess worker(String name) {
        return JarProcess.worker(FOLDERS.root().resolve(name), FOLDERS.root().resolve(name + ".log"), "768m",
                "--fitsflow.redis.url=" + redis.url(), "--fitsflow.data-dir=" + home.resolve("data"),
                "--fitsflow.executor-threads=1", "--fitsflow.redis.visibility-timeout=" + VISIBILITY,
                "--fitsflow.redis.start-delay-ms=100", "--fitsflow.shutdown-grace=120s");
    }

    private static void awaitStarted(JarProcess worker) {
        Await.until("the worker to start", Duration.ofMinutes(3), () -> {
            assertThat(worker.isAlive()).as(worker.log()).isTrue();
            return worker.log().contains("Started WorkerApplication");
        }, started -> started);
    }

    /** Into the application's inbox, whole: written beside it and renamed. */
    private void drop(String name) throws Exception {
        Path staged = Files.copy(SharedFiles.rgbNgc7023(), FOLDERS.root().resolve(name));
        Files.move(staged, home.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A job the worker process holds (taken, not yet settled, as Redis's pending entries list shows it) and
     * that the application knows is running: the worker reported its start.
     */
    private Optional<Long> runningOn(StatefulRedisConnection<String, String> connection, JarProcess worker) {
        return heldBy(connection, worker).filter(id -> app.api().get("/api/process/jobs/" + id).json()
                .get("status").asText().equals("running"));
    }

    private static Optional<Long> heldBy(StatefulRedisConnection<String, String> connection, JarProcess worker) {
        String consumer = "-" + worker.pid() + "-";
        List<PendingMessage> pending;
        try {
            pending = connection.sync().xpending("fitsflow:jobs", "workers", Range.unbounded(), Limit.from(100));
        } catch (RedisException noGroupYet) {
            return Optional.empty();
        }
        return pending.stream().filter(p -> p.getConsumer().contains(consumer)).findFirst().map(p -> {
            List<StreamMessage<String, String>> entry = connection.sync().xrange("fitsflow:jobs", Range.create(p.getId(), p.getId()));
            return Long.parseLong(entry.get(0).getBody().get("job_id"));
        });
    }
}
