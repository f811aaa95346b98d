package org.fitsflow.routes.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.fitsflow.routes.support.FileBuilder.aFile;
import static org.fitsflow.routes.support.JobBuilder.aQueuedJob;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.JobChanges;
import org.fitsflow.routes.store.JobEvent;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.SessionStore;
import org.fitsflow.routes.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job state machine as the enum states it and as the database enforces it. */
class JobStateMachineTest {
    @TempDir
    Path dir;
    TestStore store;
    JobChanges changes;
    List<JobRecord> ended = new CopyOnWriteArrayList<>();
    JobStore jobs;
    FileRecord file;

    @BeforeEach
    void open() {
        store = TestStore.open(dir, Clock.systemUTC());
        changes = new JobChanges();
        jobs = new JobStore(store.jdbc(), store.transactions(), Clock.systemUTC(), changes, ended::add);
        long sessionId = new SessionStore(store.jdbc(), Clock.systemUTC()).createUploadSession("s").id();
        file = aFile().inSession(sessionId).insertInto(new FileStore(store.jdbc(), Clock.systemUTC()));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void theEnumAllowsOnlyForwardMoves() {
        assertThat(JobStatus.QUEUED.canMoveTo(JobStatus.RUNNING)).isTrue();
        assertThat(JobStatus.QUEUED.canMoveTo(JobStatus.CANCELLED)).isTrue();
        assertThat(JobStatus.QUEUED.canMoveTo(JobStatus.COMPLETE)).isFalse();
        assertThat(JobStatus.RUNNING.canMoveTo(JobStatus.QUEUED)).isFalse();
        for (JobStatus terminal : List.of(JobStatus.COMPLETE, JobStatus.FAILED, JobStatus.CANCELLED)) {
            assertThat(terminal.isTerminal()).isTrue();
            for (JobStatus next : JobStatus.values()) {
                assertThat(terminal.canMoveTo(next)).as(terminal + " -> " + next).isFalse();
            }
        }
        assertThat(JobStatus.fromWireName("running")).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void theEndsOfAJobComeFromTheStatesTheEnumAllows() {
        assertThat(JobStatus.FAILED.predecessors()).containsExactlyInAnyOrder(JobStatus.QUEUED, JobStatus.RUNNING);
        assertThat(JobStatus.CANCELLED.predecessors()).containsExactlyInAnyOrder(JobStatus.QUEUED, JobStatus.RUNNING);
        assertThat(JobStatus.COMPLETE.predecessors()).containsExactly(JobStatus.RUNNING);
        assertThat(JobStatus.QUEUED.predecessors()).isEmpty();

        JobRecord queued = aQueuedJob().forFile(file).insertInto(jobs);
        assertThat(jobs.cancel(queued.id(), from -> "cancelled while " + from.wireName())).isTrue();
        assertThat(jobs.fail(queued.id(), "too late")).isFalse();
        assertThat(jobs.find(queued.id()).orElseThrow().errorMessage()).isEqualTo("cancelled while queued");
        assertThat(jobs.events(queued.id())).extracting(JobEvent::fromStatus, JobEvent::toStatus)
                .containsExactly(tuple(null, "queued"), tuple("queued", "cancelled"));
    }

    @Test
    void whoeverWatchesAJobHearsOfEachChangeThatHappenedAndOfNoOther() {
        JobRecord job = aQueuedJob().forFile(file).insertInto(jobs);
        JobRecord other = aQueuedJob().forFile(file).insertInto(jobs);
        List<String> heard = new ArrayList<>();
        Runnable unwatch = changes.watch(job.id(), () -> heard.add(jobs.find(job.id()).orElseThrow().status().wireName()));

        jobs.start(job.id());
        jobs.progress(job.id(), 50, "histogram_stretch");
        jobs.start(other.id());
        assertThat(jobs.start(job.id())).isFalse();
        assertThat(heard).containsExactly("running", "running");

        unwatch.run();
        jobs.complete(job.id(), new JobOutcome(List.of("a.quick_dso.jpg"), false, "cpu", "{}"));
        assertThat(heard).hasSize(2);
    }

    @Test
    void everyTransitionIsRecordedWithItsTime() {
        JobRecord job = aQueuedJob().forFile(file).insertInto(jobs);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.start(job.id())).isTrue();
        assertThat(jobs.complete(job.id(), new JobOutcome(List.of("a.quick_dso.jpg"), false, "cpu", "{}"))).isTrue();

        JobRecord done = jobs.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(done.progressPercent()).isEqualTo(100.0);
        assertThat(done.startedAt()).endsWith("Z");
        assertThat(done.completedAt()).endsWith("Z");
        assertThat(done.outputFiles()).containsExactly("a.quick_dso.jpg");
        assertThat(done.gpuUsed()).isFalse();
        assertThat(jobs.events(job.id())).extracting(JobEvent::fromStatus, JobEvent::toStatus)
                .containsExactly(tuple(null, "queued"),
                        tuple("queued", "running"),
                        tuple("running", "complete"));
        assertThat(jobs.events(job.id())).allMatch(e -> e.at().endsWith("Z"));
    }

    @Test
    void backwardMovesAreRejectedAndStaleMovesChangeNothing() {
        JobRecord job = aQueuedJob().forFile(file).insertInto(jobs);
        jobs.start(job.id());
        jobs.fail(job.id(), JobStatus.RUNNING, "bad pixels");

        // running -> complete is a legal move, but this job is no longer running: the conditional update changes nothing
        assertThat(jobs.complete(job.id(), new JobOutcome(List.of(), false, "cpu", "{}"))).isFalse();
        assertThat(jobs.start(job.id())).isFalse();
        assertThatThrownBy(() -> jobs.cancel(job.id(), JobStatus.FAILED, "x"))
                .isInstanceOf(IllegalJobTransitionException.class).hasMessageContaining("failed to cancelled");
        assertThatThrownBy(() -> jobs.fail(job.id(), JobStatus.COMPLETE, "x"))
                .isInstanceOf(IllegalJobTransitionException.class);
        JobRecord after = jobs.find(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.FAILED);
        assertThat(after.errorMessage()).isEqualTo("bad pixels");
        assertThat(jobs.events(job.id())).hasSize(3);
    }

    @Test
    void ofACancelAndACompletionRacingExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                JobRecord job = aQueuedJob().forFile(file).insertInto(jobs);
                jobs.start(job.id());
                Callable<Boolean> cancel = () -> jobs.cancel(job.id(), JobStatus.RUNNING, "cancelled");
                Callable<Boolean> complete = () -> jobs.complete(job.id(), new JobOutcome(List.of("x.jpg"), false, "cpu", "{}"));
                Future<Boolean> a = pool.submit(cancel);
                Future<Boolean> b = pool.submit(complete);
                assertThat(a.get() ^ b.get()).as("exactly one of cancel/complete wins").isTrue();
                JobStatus end = jobs.find(job.id()).orElseThrow().status();
                assertThat(end).isEqualTo(a.get() ? JobStatus.CANCELLED : JobStatus.COMPLETE);
            }
            assertThat(ended).as("each job's end told once").hasSize(20)
                    .extracting(JobRecord::id).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEndOfAJobIsToldOnceWithItsFinalRowAndNoOtherChangeIsTold() {
        JobRecord completed = aQueuedJob().forFile(file).insertInto(jobs);
        JobRecord refused = aQueuedJob().forFile(file).forPipeline("full_dso").insertInto(jobs);
        jobs.start(completed.id());
        jobs.progress(completed.id(), 50, "histogram_stretch");
        assertThat(ended).isEmpty();

        jobs.complete(completed.id(), new JobOutcome(List.of("x.jpg"), false, "cpu", "{}"));
        jobs.fail(refused.id(), JobStatus.QUEUED, "not a FITS file");
        jobs.cancel(completed.id(), JobStatus.RUNNING, "too late");

        assertThat(ended).extracting(JobRecord::id, JobRecord::pipelineName, JobRecord::status)
                .containsExactly(tuple(completed.id(), "quick_dso", JobStatus.COMPLETE),
                        tuple(refused.id(), "full_dso", JobStatus.FAILED));
        assertThat(ended.get(0).startedAt()).isNotNull();
        assertThat(ended.get(0).completedAt()).isNotNull();
        assertThat(ended.get(1).startedAt()).isNull();
    }

    @Test
    void aJobRunningWhenTheServiceStoppedRestartsWithoutMovingBackwards() {
        JobRecord job = aQueuedJob().forFile(file).insertInto(jobs);
        jobs.start(job.id());
        jobs.progress(job.id(), 40, "histogram_stretch");
        assertThat(jobs.restart(job.id())).isTrue();
        JobRecord restarted = jobs.find(job.id()).orElseThrow();
        assertThat(restarted.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(restarted.progressPercent()).isZero();
        assertThat(restarted.attempts()).isEqualTo(2);
        assertThat(jobs.events(job.id()).get(2).detail()).contains("restarted");
        jobs.cancel(job.id(), JobStatus.RUNNING, "cancelled");
        assertThat(jobs.restart(job.id())).isFalse();
    }
}
