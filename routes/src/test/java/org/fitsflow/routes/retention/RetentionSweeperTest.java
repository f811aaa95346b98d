package org.fitsflow.routes.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fitsflow.routes.support.FileBuilder.aFile;
import static org.fitsflow.routes.support.JobBuilder.aQueuedJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.JobChanges;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.NightStore;
import org.fitsflow.routes.store.SessionStore;
import org.fitsflow.routes.support.TestStore;
import org.fitsflow.routes.worker.JobFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on real folders: old uploads and outputs go, young ones, the inbox and the outbox stay. */
class RetentionSweeperTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;
    TestStore store;
    FileStore files;
    JobStore jobs;
    JobFolders folders;
    RetentionSweeper sweeper;
    long sessionId;
    Path inbox;
    Path outbox;

    @BeforeEach
    void open() throws IOException {
        Clock clock = Clock.fixed(NOW, java.time.ZoneOffset.UTC);
        Path data = dir.resolve("data");
        inbox = Files.createDirectories(dir.resolve("inbox"));
        outbox = Files.createDirectories(dir.resolve("outbox"));
        store = TestStore.open(data, clock);
        FitsflowProperties properties = TestStore.properties(data, inbox, outbox);
        files = new FileStore(store.jdbc(), clock);
        jobs = new JobStore(store.jdbc(), store.transactions(), clock, new JobChanges(), job -> { });
        folders = new JobFolders(properties);
        sweeper = new RetentionSweeper(files, jobs, new NightStore(store.jdbc(), clock), folders, clock, properties);
        sessionId = new SessionStore(store.jdbc(), clock).createUploadSession("s").id();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void oldUploadsAndOutputsAreDeletedAndMarked() throws IOException {
        FileRecord oldUpload = upload("old.fit", Duration.ofDays(8));
        FileRecord youngUpload = upload("young.fit", Duration.ofDays(6));
        FileRecord inboxFile = inboxFile("MyWorks/M 42/Stacked_1_M 42_10.0s_IRCUT_20240101-200000.fit", Duration.ofDays(400));
        Path outboxFile = aged(outbox.resolve("MyWorks/M 42/Stacked_1.quick_dso.jpg"), Duration.ofDays(400));
        JobRecord oldJob = finishedJob(oldUpload, Duration.ofDays(31));
        JobRecord youngJob = finishedJob(youngUpload, Duration.ofDays(29));
        JobRecord inboxJob = finishedJob(inboxFile, Duration.ofDays(31));

        RetentionSweeper.Sweep sweep = sweeper.sweep();

        assertThat(sweep).isEqualTo(new RetentionSweeper.Sweep(1, 2));
        assertThat(Files.exists(Path.of(oldUpload.storedPath()))).isFalse();
        assertThat(files.find(oldUpload.id()).orElseThrow().deletedAt()).isEqualTo(NOW.toString());
        assertThat(Files.exists(Path.of(youngUpload.storedPath()))).isTrue();
        assertThat(files.find(youngUpload.id()).orElseThrow().deletedAt()).isNull();

        assertThat(Files.exists(folders.jobDir(oldJob.id()))).isFalse();
        assertThat(jobs.find(oldJob.id()).orElseThrow().outputsDeletedAt()).isEqualTo(NOW.toString());
        assertThat(Files.exists(folders.outputsDir(youngJob.id()).resolve("out.jpg"))).isTrue();
        assertThat(jobs.find(youngJob.id()).orElseThrow().outputsDeletedAt()).isNull();
        // an inbox job's outputs in data/ go too, but the inbox file and the outbox copy are the user's
        assertThat(Files.exists(folders.jobDir(inboxJob.id()))).isFalse();
        assertThat(Files.exists(Path.of(inboxFile.storedPath()))).isTrue();
        assertThat(files.find(inboxFile.id()).orElseThrow().deletedAt()).isNull();
        assertThat(Files.exists(outboxFile)).isTrue();

        assertThat(sweeper.sweep()).as("a second sweep finds nothing more").isEqualTo(new RetentionSweeper.Sweep(0, 0));
    }

    private FileRecord upload(String name, Duration age) throws IOException {
        Path stored = aged(store.properties().uploadsDir().resolve(name), age);
        return aFile().inSession(sessionId).named(name).storedAt(stored).ofSize(4).insertInto(files);
    }

    private FileRecord inboxFile(String relative, Duration age) throws IOException {
        Path file = aged(inbox.resolve(relative), age);
        return aFile().inSession(sessionId).named(file.getFileName().toString()).storedAt(file).ofSize(4)
                .fromInbox(relative, Files.getLastModifiedTime(file).toMillis()).insertInto(files);
    }

    private JobRecord finishedJob(FileRecord file, Duration age) throws IOException {
        JobRecord job = aQueuedJob().forFile(file).insertInto(jobs);
        jobs.start(job.id());
        jobs.complete(job.id(), new JobOutcome(List.of("out.jpg"), false, "cpu", "{}"));
        aged(folders.outputsDir(job.id()).resolve("out.jpg"), age);
        return job;
    }

    private static Path aged(Path file, Duration age) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }
}
