package org.fitsflow.routes.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fitsflow.routes.support.FileBuilder.aFile;
import static org.fitsflow.routes.support.JobBuilder.aQueuedJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.outbox.OutboxDelivery;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.JobChanges;
import org.fitsflow.routes.store.JobEvent;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.SessionStore;
import org.fitsflow.routes.support.JobBuilder;
import org.fitsflow.routes.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every end of a job, on a real SQLite file and real folders: what the row says and what stays on disk. */
class JobFinisherTest {
    private static final JobOutcome JPEG = new JobOutcome(List.of("m42.quick_dso.jpg"), false, "cpu", "{}");

    @TempDir
    Path dir;
    TestStore store;
    JobStore jobs;
    JobFolders folders;
    JobFinisher finisher;
    FileRecord file;
    Path outbox;
    List<JobRecord> ended = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws IOException {
        Path data = dir.resolve("data");
        outbox = Files.createDirectories(dir.resolve("outbox"));
        store = TestStore.open(data, Clock.systemUTC());
        FitsflowProperties properties = TestStore.properties(data, dir.resolve("inbox"), outbox);
        jobs = new JobStore(store.jdbc(), store.transactions(), Clock.systemUTC(), new JobChanges(), ended::add);
        folders = new JobFolders(properties);
        finisher = new JobFinisher(jobs, folders, new OutboxDelivery(properties));
        long session = new SessionStore(store.jdbc(), Clock.systemUTC()).createUploadSession("s").id();
        file = aFile().inSession(session).named("m42.fit").insertInto(new FileStore(store.jdbc(), Clock.systemUTC()));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void aCompleteInboxJobIsInTheOutboxAndItsStagedInputsAreGone() throws IOException {
        JobRecord job = running(aQueuedJob().forFile(file).deliveredTo("MyWorks/M 42", "m42.quick_dso"));
        Files.createDirectories(folders.inputDir(job.id()));
        Files.writeString(folders.inputDir(job.id()).resolve("7-m42.fit"), "staged");

        finisher.complete(job, JPEG);

        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(outbox.resolve("MyWorks/M 42/m42.quick_dso.jpg")).hasContent("jpeg");
        assertThat(folders.outputsDir(job.id()).resolve("m42.quick_dso.jpg")).exists();
        assertThat(folders.inputDir(job.id())).doesNotExist();
        assertThat(ended).extracting(JobRecord::id).containsExactly(job.id());
    }

    @Test
    void aNightsStackBringsTheSmallThumbnailOfItsJpegToTheOutbox() throws IOException {
        JobRecord queued = jobs.insertDelivered(file.sessionId(), List.of(file.id()), "night_stack", "M 42",
                "M 42 2025-01-05 3x10s", 320);
        jobs.start(queued.id());
        Path outputs = Files.createDirectories(folders.outputsDir(queued.id()));
        Files.writeString(outputs.resolve("M 42 2025-01-05 3x10s.jpg"), "jpeg");
        Files.writeString(outputs.resolve("M 42 2025-01-05 3x10s.fits"), "fits");
        Files.createDirectories(outputs.resolve("thumbnails"));
        Files.writeString(outputs.resolve("thumbnails/M 42 2025-01-05 3x10s.320.jpg"), "small");
        Files.writeString(outputs.resolve("thumbnails/M 42 2025-01-05 3x10s.1080.jpg"), "preview");

        finisher.complete(jobs.find(queued.id()).orElseThrow(),
                new JobOutcome(List.of("M 42 2025-01-05 3x10s.jpg", "M 42 2025-01-05 3x10s.fits"), false, "cpu", "{}"));

        try (var delivered = Files.list(outbox.resolve("M 42"))) {
            assertThat(delivered.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "M 42 2025-01-05 3x10s.jpg", "M 42 2025-01-05 3x10s.fits", "M 42 2025-01-05 3x10s.320.jpg");
        }
        assertThat(outbox.resolve("M 42/M 42 2025-01-05 3x10s.320.jpg")).hasContent("small");
    }

    @Test
    void aCancelThatCameFirstWinsAndTheOutputsAreWithdrawn() throws IOException {
        JobRecord job = running(aQueuedJob().forFile(file).deliveredTo("", "m42.quick_dso"));
        assertThat(finisher.cancel(job.id())).isTrue();

        finisher.complete(job, JPEG);

        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(outbox.resolve("m42.quick_dso.jpg")).doesNotExist();
        assertThat(folders.jobDir(job.id())).doesNotExist();
        assertThat(ended).hasSize(1);
    }

    @Test
    void aSecondResultOfACompleteJobChangesNothing() throws IOException {
        JobRecord job = running(aQueuedJob().forFile(file).deliveredTo("", "m42.quick_dso"));
        finisher.complete(job, JPEG);
        JobRecord complete = jobs.find(job.id()).orElseThrow();

        finisher.complete(complete, new JobOutcome(List.of("other.jpg"), true, "gpu", "{}"));
        finisher.fail(job.id(), "a late attempt failed");
        finisher.cancelled(job.id());

        JobRecord after = jobs.find(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(after.outputFiles()).containsExactly("m42.quick_dso.jpg");
        assertThat(folders.outputsDir(job.id()).resolve("m42.quick_dso.jpg")).exists();
        assertThat(outbox.resolve("m42.quick_dso.jpg")).exists();
        assertThat(ended).hasSize(1);
    }

    @Test
    void aJobFailsFromWhicheverStateItIsInAndKeepsNoFiles() throws IOException {
        JobRecord queued = aQueuedJob().forFile(file).insertInto(jobs);
        JobRecord running = running(aQueuedJob().forFile(file));

        finisher.fail(queued.id(), "not a FITS file");
        finisher.fail(running.id(), "bad pixels");

        assertThat(jobs.events(queued.id())).extracting(JobEvent::fromStatus).containsExactly(null, "queued");
        assertThat(jobs.events(running.id())).extracting(JobEvent::fromStatus).containsExactly(null, "queued", "running");
        assertThat(jobs.find(running.id()).orElseThrow().errorMessage()).isEqualTo("bad pixels");
        assertThat(folders.jobDir(running.id())).doesNotExist();
    }

    @Test
    void theUsersCancelSaysWhetherTheJobHadStartedAndAnEndedJobStaysAsItIs() throws IOException {
        JobRecord queued = aQueuedJob().forFile(file).insertInto(jobs);
        JobRecord running = running(aQueuedJob().forFile(file));

        assertThat(finisher.cancel(queued.id())).isTrue();
        assertThat(finisher.cancel(running.id())).isTrue();
        assertThat(finisher.cancel(running.id())).as("already cancelled").isFalse();

        assertThat(jobs.find(queued.id()).orElseThrow().errorMessage()).isEqualTo("cancelled before it started");
        assertThat(jobs.find(running.id()).orElseThrow().errorMessage()).isEqualTo("cancelled");
        // the running job's worker stops, and its files go
        assertThat(folders.jobDir(running.id())).exists();
        finisher.cancelled(running.id());
        assertThat(folders.jobDir(running.id())).doesNotExist();
        assertThat(ended).hasSize(2);
    }

    @Test
    void onlyAJobThatHasNotStartedIsSkipped() throws IOException {
        JobRecord queued = aQueuedJob().forFile(file).insertInto(jobs);
        JobRecord running = running(aQueuedJob().forFile(file));

        assertThat(finisher.skip(queued.id(), "skipped: superseded by Stacked_453_M 42.fit")).isTrue();
        assertThat(finisher.skip(running.id(), "skipped: superseded by Stacked_453_M 42.fit")).isFalse();

        assertThat(jobs.find(queued.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.find(running.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    /** A started job with an output written, as an executor leaves it. */
    private JobRecord running(JobBuilder job) throws IOException {
        JobRecord queued = job.insertInto(jobs);
        jobs.start(queued.id());
        Files.createDirectories(folders.outputsDir(queued.id()));
        Files.writeString(folders.outputsDir(queued.id()).resolve("m42.quick_dso.jpg"), "jpeg");
        return jobs.find(queued.id()).orElseThrow();
    }
}
