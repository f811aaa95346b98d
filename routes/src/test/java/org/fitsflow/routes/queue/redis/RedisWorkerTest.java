package org.fitsflow.routes.queue.redis;

import org.fitsflow.routes.worker.RunningJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.fitsflow.processors.Processing;
import org.fitsflow.processors.pipeline.ExportSpec;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.processors.pipeline.StepSpec;
import org.fitsflow.processors.stacking.Interpolation;
import org.fitsflow.routes.jobs.JobTicket;
import org.fitsflow.routes.queue.redis.RedisEventConsumer.ReceivedEvent;
import org.fitsflow.routes.queue.redis.ScriptedExecutor.Behaviour;
import org.fitsflow.routes.queue.redis.WorkerEvent.Type;
import org.fitsflow.routes.worker.GracePeriod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis stream queue against a real redis-server: delivery, re-delivery, retry limit, sharing, restart. */
class RedisWorkerTest {
    private static final Duration VISIBILITY = Duration.ofMillis(800);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final PipelineDefinition PIPELINE = PipelineDefinition.overOneFile("quick_dso", "stretch and JPEG",
            List.of(new StepSpec("histogram_stretch", Map.of("mode", "unlinked"))),
            List.of(new ExportSpec("jpeg", Map.of("quality", 95))));

    @TempDir
    static Path redisDir;
    static RedisServer server;

    @TempDir
    Path dataDir;
    RedisQueueSettings settings;
    RedisClient client;
    RedisJobPublisher publisher;
    RedisEventConsumer application;
    RunningJobs running;
    HeartbeatScheduler heartbeats;
    final List<RedisConnector> connections = new ArrayList<>();
    final List<WorkerEvent> received = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start(redisDir);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        server.close();
    }

    @BeforeEach
    void connect() {
        settings = new RedisQueueSettings(server.url(), "test-" + UUID.randomUUID(), VISIBILITY, 3,
                Duration.ofMillis(100), Duration.ofSeconds(2));
        client = RedisClients.create(settings);
        publisher = new RedisJobPublisher(connection(), settings);
        application = new RedisEventConsumer(connection(), settings);
        running = new RunningJobs();
        heartbeats = new HeartbeatScheduler();
    }

    @AfterEach
    void disconnect() {
        heartbeats.close();
        connections.forEach(RedisConnector::close);
        client.shutdown();
    }

    @Test
    void deliversAJobToAWorkerWhichReportsProgressAndTheResult() throws Exception {
        ScriptedExecutor executor = new ScriptedExecutor(dataDir, Behaviour.SUCCEED);
        RedisWorker worker = worker("w1", executor);

        assertThat(publisher.publish(ticket(7))).isTrue();
        assertThat(worker.runNext()).isTrue();

        List<WorkerEvent> events = eventsUntil(e -> e.type() == Type.COMPLETE);
        assertThat(events).extracting(WorkerEvent::type)
                .containsExactly(Type.STARTED, Type.PROGRESS, Type.PROGRESS, Type.COMPLETE);
        assertThat(events.get(2).step()).isEqualTo("histogram_stretch");
        assertThat(events.get(2).percent()).isEqualTo(60.0);
        WorkerEvent complete = events.get(3);
        assertThat(complete.jobId()).isEqualTo(7);
        assertThat(complete.attempt()).isEqualTo(1);
        assertThat(complete.outcome().outputFiles()).containsExactly("frame-7.quick_dso.jpg");
        assertThat(complete.outcome().measurementsJson()).isEqualTo("{\"stars\":7}");
        assertThat(dataDir.resolve("jobs/7/outputs/frame-7.quick_dso.jpg")).hasContent("job 7");
        // acknowledged and removed: nothing left for another worker
        assertThat(worker.runNext()).isFalse();
        assertThat(executor.runsOf(7)).isEqualTo(1);
    }

    @Test
    void theTicketCarriesTheWholePipeline() throws Exception {
        ScriptedExecutor executor = new ScriptedExecutor(dataDir, Behaviour.SUCCEED);
        RedisJobConsumer consumer = new RedisJobConsumer(connection(), settings, "reader");
        publisher.publish(ticket(8));

        TicketDelivery delivery = consumer.next().orElseThrow();

        assertThat(delivery.ticket()).isEqualTo(ticket(8));
        assertThat(delivery.ticket().pipeline().steps().get(0).params()).containsEntry("mode", "unlinked");
        assertThat(delivery.attempt()).isEqualTo(1);
        assertThat(executor.runsOf(8)).isZero();
    }

    @Test
    void theTicketKeepsWhatThePipelineRunsOverHowItStacksAndWhatCalibratesIt() throws Exception {
        PipelineDefinition stack = new PipelineLoader().parse("""
                name: my_stack
                subs: stack
                stacking: {kappa: 3, iterations: 4, reject_flagged: false, interpolation: bilinear}
                exports: [{format: fits}]
                """);
        PipelineDefinition drizzled = new PipelineLoader().parse("""
                name: my_drizzle
                subs: stack
                stacking: {drizzle: {scale: 2, pixfrac: 0.6}}
                exports: [{format: fits}]
                """);
        JobTicket sent = new JobTicket(15, "jobs/15", List.of("sub-1.fit"), stack, "session-3.my_stack",
                List.of("7-bias.fit"), List.of(), List.of("8-flat.fit", "9-flat.fit"));
        RedisJobConsumer consumer = new RedisJobConsumer(connection(), settings, "reader");
        publisher.publish(sent);

        JobTicket received = consumer.next().orElseThrow().ticket();

        assertThat(received).isEqualTo(sent);
        assertThat(received.calibration(Path.of("/data")).flats())
                .containsExactly(Path.of("/data/jobs/15/input/8-flat.fit"), Path.of("/data/jobs/15/input/9-flat.fit"));
        assertThat(received.stagedNames()).containsExactly("sub-1.fit", "7-bias.fit", "8-flat.fit", "9-flat.fit");
        assertThat(received.pipeline().stacking().interpolation()).isEqualTo(Interpolation.BILINEAR);
        assertThat(Processing.runsOverSet(received.pipeline(), received.inputNames().size())).as("one sub, but a pipeline over subs").isTrue();
        assertThat(Processing.runsOverSet(ticket(16).pipeline(), ticket(16).inputNames().size())).isFalse();
        assertThat(received.pipeline().stacking().drizzle()).as("absent: no drizzle").isEmpty();

        JobTicket drizzle = new JobTicket(17, "jobs/17", List.of("sub-1.fit", "sub-2.fit"), drizzled, "session-3.my_drizzle",
                List.of(), List.of(), List.of());
        publisher.publish(drizzle);

        assertThat(consumer.next().orElseThrow().ticket()).isEqualTo(drizzle);
    }

    @Test
    void publishesEachJobOnceHoweverOftenItIsSubmitted() throws Exception {
        RedisJobConsumer consumer = new RedisJobConsumer(connection(), settings, "reader");

        assertThat(publisher.publish(ticket(9))).isTrue();
        assertThat(publisher.publish(ticket(9))).isFalse();
        assertThat(publisher.isPublished(9)).isTrue();

        assertThat(consumer.next()).isPresent();
        assertThat(consumer.next()).isEmpty();
    }

    @Test
    void aJobTakenByAWorkerThatDiedIsDeliveredAgainAfterTheVisibilityTimeout() throws Exception {
        RedisJobConsumer dying = new RedisJobConsumer(connection(), settings, "dying-worker");
        ScriptedExecutor executor = new ScriptedExecutor(dataDir, Behaviour.SUCCEED);
        RedisWorker survivor = worker("survivor", executor);
        publisher.publish(ticket(11));

        // taken, then never renewed nor acknowledged: the worker process is gone
        assertThat(dying.next()).isPresent();
        assertThat(survivor.runNext()).as("still invisible inside the timeout").isFalse();

        Instant taken = Instant.now();
        runUntil(survivor, () -> executor.runsOf(11) == 1);

        assertThat(Duration.between(taken, Instant.now())).isGreaterThanOrEqualTo(VISIBILITY.minusMillis(200));
        WorkerEvent complete = eventsUntil(e -> e.type() == Type.COMPLETE).stream()
                .filter(e -> e.type() == Type.COMPLETE).findFirst().orElseThrow();
        assertThat(complete.attempt()).isEqualTo(2);
        assertThat(complete.worker()).isEqualTo("survivor");
        assertThat(survivor.runNext()).isFalse();
    }

    @Test
    void aRunningJobKeepsItsClaimPastTheVisibilityTimeout() throws Exception {
        ScriptedExecutor slow = new ScriptedExecutor(dataDir, Behaviour.SUCCEED).taking(VISIBILITY.multipliedBy(3).toMillis());
        ScriptedExecutor other = new ScriptedExecutor(dataDir, Behaviour.SUCCEED);
        RedisWorker first = worker("first", slow);
        RedisWorker second = worker("second", other);
        publisher.publish(ticket(12));

        Thread runner = new Thread(() -> runQuietly(first));
        runner.start();
        assertThat(slow.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Instant until = Instant.now().plus(VISIBILITY.multipliedBy(2));
        while (Instant.now().isBefore(until)) {
            second.runNext();
        }

        assertThat(other.runsOf(12)).as("the heartbeat keeps the job with its worker").isZero();
        assertThat(eventsUntil(e -> e.type() == Type.COMPLETE)).extracting(WorkerEvent::worker).containsOnly("first");
        assertThat(slow.runsOf(12)).isEqualTo(1);
    }

    @Test
    void aJobThatKeepsFailingEndsFailedWithTheReasonAfterTheLastAttempt() throws Exception {
        ScriptedExecutor crashing = new ScriptedExecutor(dataDir, Behaviour.FAIL_RETRYABLE);
        RedisWorker worker = worker("w1", crashing);
        publisher.publish(ticket(13));

        runUntil(worker, () -> hasEvent(Type.FAILED));
        List<WorkerEvent> events = eventsUntil(e -> e.type() == Type.FAILED);

        WorkerEvent failed = events.get(events.size() - 1);
        assertThat(failed.attempt()).isEqualTo(3);
        assertThat(failed.reason()).isEqualTo("container exited with code 137 (killed) (attempt 3 of 3)");
        assertThat(crashing.runsOf(13)).isEqualTo(3);
        assertThat(events).filteredOn(e -> e.type() == Type.PROGRESS && e.reason() != null)
                .extracting(WorkerEvent::step).containsExactly("waiting for attempt 2", "waiting for attempt 3");
        assertThat(worker.runNext()).as("settled: not delivered a fourth time").isFalse();
    }

    @Test
    void aJobWhoseWorkersKeepDyingEndsFailedAfterTheLastAttempt() throws Exception {
        RedisJobConsumer dying = new RedisJobConsumer(connection(), settings, "dying-worker");
        ScriptedExecutor executor = new ScriptedExecutor(dataDir, Behaviour.SUCCEED);
        RedisWorker worker = worker("w1", executor);
        publisher.publish(ticket(14));

        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant deadline = Instant.now().plus(WAIT);
            Optional<TicketDelivery> taken = dying.next();
            while (taken.isEmpty() && Instant.now().isBefore(deadline)) {
                taken = dying.next();
            }
            assertThat(taken).map(TicketDelivery::attempt).contains(attempt);
        }
        runUntil(worker, () -> hasEvent(Type.FAILED));

        WorkerEvent failed = eventsUntil(e -> e.type() == Type.FAILED).stream().filter(e -> e.type() == Type.FAILED).findFirst().orElseThrow();
        assertThat(failed.attempt()).isEqualTo(4);
        assertThat(failed.reason()).isEqualTo("gave up after 3 attempts; last: the worker stopped responding (no heartbeat for 0.8 s)");
        assertThat(executor.runsOf(14)).as("the fourth delivery is not run").isZero();
    }

    @Test
    void aJobWithABadInputFailsAtOnceWithItsReason() throws Exception {
        ScriptedExecutor executor = new ScriptedExecutor(dataDir, Behaviour.FAIL_FINAL);
        RedisWorker worker = worker("w1", executor);
        publisher.publish(ticket(15));

        assertThat(worker.runNext()).isTrue();

        List<WorkerEvent> events = eventsUntil(e -> e.type() == Type.FAILED);
        assertThat(events.get(events.size() - 1).reason()).isEqualTo("not a FITS file: no SIMPLE card");
        assertThat(executor.runsOf(15)).isEqualTo(1);
        assertThat(worker.runNext()).isFalse();
    }

    @Test
    void twoWorkersShareTwentyJobsAndEachJobIsDoneOnce() throws Exception {
        ScriptedExecutor executor = new ScriptedExecutor(dataDir, Behaviour.SUCCEED).taking(30);
        RedisWorker one = worker("one", executor);
        RedisWorker two = worker("two", executor);
        for (long id = 100; id < 120; id++) {
            publisher.publish(ticket(id));
        }

        Thread a = new Thread(() -> drainQueue(one), "worker-one");
        Thread b = new Thread(() -> drainQueue(two), "worker-two");
        a.start();
        b.start();
        a.join(WAIT.toMillis());
        b.join(WAIT.toMillis());

        List<WorkerEvent> complete = drain().stream().filter(e -> e.type() == Type.COMPLETE).toList();
        while (!drain().isEmpty()) {
            complete = received.stream().filter(e -> e.type() == Type.COMPLETE).toList();
        }
        complete = received.stream().filter(e -> e.type() == Type.COMPLETE).toList();
        assertThat(complete).extracting(WorkerEvent::jobId).doesNotHaveDuplicates().hasSize(20);
        for (long id = 100; id < 120; id++) {
            assertThat(executor.runsOf(id)).as("runs of job %d", id).isEqualTo(1);
            assertThat(dataDir.resolve("jobs/" + id + "/outputs/frame-" + id + ".quick_dso.jpg")).exists();
        }
        Map<String, Long> perWorker = complete.stream().collect(Collectors.groupingBy(WorkerEvent::worker, Collectors.counting()));
        assertThat(perWorker.keySet()).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void aCancelStopsTheRunningJob() throws Exception {
        ScriptedExecutor blocking = new ScriptedExecutor(dataDir, Behaviour.BLOCK_UNTIL_INTERRUPTED);
        RedisWorker worker = worker("w1", blocking);
        RedisCancelChannel signals = new RedisCancelChannel(client, settings);
        signals.listen(running::cancel);
        publisher.publish(ticket(16));
        Thread runner = new Thread(() -> runQuietly(worker));
        runner.start();
        assertThat(blocking.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        signals.announce(16);
        runner.join(WAIT.toMillis());

        assertThat(runner.isAlive()).isFalse();
        assertThat(eventsUntil(e -> e.type() == Type.CANCELLED)).extracting(WorkerEvent::type).contains(Type.CANCELLED);
        assertThat(worker.runNext()).isFalse();
        signals.close();
    }

    @Test
    void aStoppingWorkerFinishesItsRunningJobWithinTheGracePeriodAndTakesNoOther() throws Exception {
        ScriptedExecutor slow = new ScriptedExecutor(dataDir, Behaviour.SUCCEED).taking(600);
        RedisWorker worker = worker("stopping", slow);
        RedisWorkerSlots slots = new RedisWorkerSlots(List.of(worker), running, new GracePeriod(WAIT));
        slots.start();
        publisher.publish(ticket(21));
        publisher.publish(ticket(22));
        Thread runner = new Thread(() -> runQuietly(worker));
        runner.start();
        assertThat(slow.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        slots.stop();

        assertThat(slots.isRunning()).isFalse();
        assertThat(eventsUntil(e -> e.type() == Type.COMPLETE)).filteredOn(e -> e.type() == Type.COMPLETE)
                .extracting(WorkerEvent::jobId).containsExactly(21L);
        assertThat(worker.runNext()).as("a stopped worker takes no job").isFalse();
        assertThat(slow.runsOf(22)).isZero();
        ScriptedExecutor other = new ScriptedExecutor(dataDir, Behaviour.SUCCEED);
        assertThat(worker("other", other).runNext()).isTrue();
        assertThat(other.runsOf(22)).isEqualTo(1);
        runner.join(WAIT.toMillis());
    }

    @Test
    void aJobStillRunningAfterTheGracePeriodIsHandedBackAndAnotherWorkerTakesItAtOnce() throws Exception {
        ScriptedExecutor blocking = new ScriptedExecutor(dataDir, Behaviour.BLOCK_UNTIL_INTERRUPTED);
        RedisWorker worker = worker("stopping", blocking);
        RedisWorkerSlots slots = new RedisWorkerSlots(List.of(worker), running, new GracePeriod(Duration.ofMillis(200)));
        slots.start();
        publisher.publish(ticket(23));
        Thread runner = new Thread(() -> runQuietly(worker));
        runner.start();
        assertThat(blocking.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        slots.stop();
        runner.join(WAIT.toMillis());

        assertThat(runner.isAlive()).isFalse();
        assertThat(eventsUntil(e -> e.step() != null && e.step().startsWith("handed back"))).extracting(WorkerEvent::type)
                .containsExactly(Type.STARTED, Type.PROGRESS, Type.PROGRESS);
        ScriptedExecutor other = new ScriptedExecutor(dataDir, Behaviour.SUCCEED);
        assertThat(worker("other", other).runNext()).as("taken without waiting for the visibility timeout").isTrue();
        WorkerEvent complete = eventsUntil(e -> e.type() == Type.COMPLETE).stream()
                .filter(e -> e.type() == Type.COMPLETE).findFirst().orElseThrow();
        assertThat(complete.worker()).isEqualTo("other");
        assertThat(complete.attempt()).as("a hand-back is no failed attempt").isEqualTo(1);
    }

    @Test
    void aJobCancelledBeforeAWorkerTookItIsNotRun() throws Exception {
        ScriptedExecutor executor = new ScriptedExecutor(dataDir, Behaviour.SUCCEED);
        RedisWorker worker = worker("w1", executor);
        publisher.publish(ticket(17));
        new RedisCancelChannel(client, settings).announce(17);

        assertThat(worker.runNext()).isTrue();

        assertThat(eventsUntil(e -> e.type() == Type.CANCELLED)).extracting(WorkerEvent::type).containsExactly(Type.CANCELLED);
        assertThat(executor.runsOf(17)).isZero();
    }

    @Test
    void aResultFinishedWhileRedisIsDownIsReportedWhenItIsBack() throws Exception {
        ScriptedExecutor slow = new ScriptedExecutor(dataDir, Behaviour.SUCCEED).taking(1500);
        RedisWorker worker = worker("w1", slow);
        publisher.publish(ticket(18));
        Thread runner = new Thread(() -> runQuietly(worker));
        runner.start();
        assertThat(slow.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        server.stop();
        assertThatThrownBy(() -> publisher.publish(ticket(19))).isInstanceOf(RedisException.class);
        Thread.sleep(2500);
        assertThat(runner.isAlive()).as("the worker holds the result until Redis takes it").isTrue();
        server.restart();
        runner.join(WAIT.toMillis());

        assertThat(runner.isAlive()).isFalse();
        WorkerEvent complete = eventsUntil(e -> e.type() == Type.COMPLETE).stream()
                .filter(e -> e.type() == Type.COMPLETE).findFirst().orElseThrow();
        assertThat(complete.jobId()).isEqualTo(18);
        // the queue survived the restart; the job submitted meanwhile can be published now
        assertThat(publisher.publish(ticket(19))).isTrue();
        ScriptedExecutor next = new ScriptedExecutor(dataDir, Behaviour.SUCCEED);
        runUntil(worker("w2", next), () -> next.runsOf(19) == 1);
        assertThat(slow.runsOf(18)).isEqualTo(1);
    }

    private static void runQuietly(RedisWorker worker) {
        try {
            worker.runNext();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drainQueue(RedisWorker worker) {
        Instant idleSince = Instant.now();
        while (Duration.between(idleSince, Instant.now()).toMillis() < 1000) {
            try {
                if (worker.runNext()) {
                    idleSince = Instant.now();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void runUntil(RedisWorker worker, java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for the worker").isBefore(deadline);
            worker.runNext();
        }
    }

    private boolean hasEvent(Type type) {
        try {
            return hasEventNow(type);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean hasEventNow(Type type) throws InterruptedException {
        drain();
        return received.stream().anyMatch(e -> e.type() == type);
    }

    private List<WorkerEvent> drain() throws InterruptedException {
        List<ReceivedEvent> batch = application.read();
        for (ReceivedEvent event : batch) {
            received.add(event.event());
            application.acknowledge(event);
        }
        return batch.stream().map(ReceivedEvent::event).toList();
    }

    /** Reads events as the application does, until one matches. */
    private List<WorkerEvent> eventsUntil(Predicate<WorkerEvent> last) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (received.stream().noneMatch(last)) {
            assertThat(Instant.now()).as("waiting for an event; got " + received).isBefore(deadline);
            drain();
        }
        return List.copyOf(received);
    }

    private RedisWorker worker(String name, ScriptedExecutor executor) {
        return new RedisWorker(new RedisJobConsumer(connection(), settings, name), new RedisEventPublisher(connection(), settings),
                executor, running, heartbeats, settings);
    }

    private RedisConnector connection() {
        RedisConnector connection = new RedisConnector(client);
        connections.add(connection);
        return connection;
    }

    private static JobTicket ticket(long id) {
        return new JobTicket(id, "jobs/" + id, List.of("frame-" + id + ".fit"), PIPELINE, "frame-" + id + ".quick_dso");
    }
}
