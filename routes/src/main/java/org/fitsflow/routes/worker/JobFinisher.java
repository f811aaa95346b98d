package org.fitsflow.routes.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fitsflow.processors.export.Thumbnails;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.outbox.OutboxDelivery;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that ends jobs: complete (with the delivery to the outbox), failed or cancelled, and what
 * each end leaves on disk. The in-process workers, the recorder of the Redis workers' events, the API's
 * cancel and the inbox's refusals all end jobs here, so a job ends the same way wherever it ran. The moves
 * themselves are {@link JobStore}'s, from the states {@link JobStatus} allows: of a cancel and a completion
 * that race, one wins, and the loser leaves nothing behind. A job that did not complete keeps no files.
 */
@Component
public class JobFinisher {
    private static final Logger LOG = LoggerFactory.getLogger(JobFinisher.class);

    private final JobStore jobs;
    private final JobFolders folders;
    private final OutboxDelivery outbox;

    public JobFinisher(JobStore jobs, JobFolders folders, OutboxDelivery outbox) {
        this.jobs = jobs;
        this.folders = folders;
        this.outbox = outbox;
    }

    /**
     * running -> complete. An inbox job's outputs reach the outbox first; when a cancel won meanwhile, they are
     * withdrawn again. A job that is complete already keeps its first outcome and its outbox files (it ran
     * twice: a worker died before it acknowledged, or Redis lost the stream).
     */
    public void complete(JobRecord job, JobOutcome outcome) {
        if (job.status() == JobStatus.COMPLETE) {
            LOG.info("Job {}: a second result ignored", job.id());
            return;
        }
        try {
            if (job.deliversToOutbox()) {
                outbox.deliver(job.outboxFolder(), outboxFiles(job, outcome.outputFiles()), job.id());
            }
        } catch (IOException e) {
            fail(job.id(), "the outputs could not be delivered to the outbox: " + e.getMessage());
            return;
        }
        // before the row says complete, so that whoever sees it complete sees the staged copies gone
        deleteStagedInputs(job.id());
        if (jobs.complete(job.id(), outcome)) {
            LOG.info("Job {}: complete, outputs {}", job.id(), outcome.outputFiles());
            return;
        }
        // cancelled while it finished: the cancel wins, nothing stays behind
        try {
            if (job.deliversToOutbox()) {
                outbox.withdraw(job.outboxFolder(), outboxFiles(job, outcome.outputFiles()).stream()
                        .map(p -> p.getFileName().toString()).toList());
            }
        } catch (IOException e) {
            LOG.warn("Job {}: could not withdraw its outbox files: {}", job.id(), e.getMessage());
        }
        deleteFolder(job.id());
    }

    /**
     * The files of a job that go to the outbox: its outputs, and for a job that asks for them, the thumbnail of
     * each JPEG (named {@code <picture stem>.<side>.jpg}) where it was made.
     */
    public List<Path> outboxFiles(JobRecord job, List<String> outputNames) {
        List<Path> files = new ArrayList<>();
        for (String name : outputNames) {
            Path output = folders.outputsDir(job.id()).resolve(name);
            files.add(output);
            if (job.outboxThumbnail() != null && name.toLowerCase(Locale.ROOT).endsWith(".jpg")) {
                Path thumbnail = Thumbnails.fileFor(output, job.outboxThumbnail());
                if (Files.isRegularFile(thumbnail)) {
                    files.add(thumbnail);
                }
            }
        }
        return files;
    }

    /** -> failed with the reason users see, from whichever state it may fail from. */
    public void fail(long jobId, String reason) {
        if (jobs.fail(jobId, reason)) {
            LOG.warn("Job {}: failed: {}", jobId, reason);
        }
        deleteFolderUnlessComplete(jobId);
    }

    /**
     * The user's cancel: a queued job never starts, a running one is stopped by its worker (told through the
     * {@link CancelSignal}), which then calls {@link #cancelled}. The database says cancelled first, so that a
     * worker finishing at the same moment loses.
     *
     * @return false when the job had already ended
     */
    public boolean cancel(long jobId) {
        return jobs.cancel(jobId, left -> left == JobStatus.QUEUED ? "cancelled before it started" : "cancelled");
    }

    /** The work of a job stopped because it was cancelled: the cancel is recorded if it was not yet, its files go. */
    public void cancelled(long jobId) {
        jobs.cancel(jobId, left -> "cancelled");
        deleteFolderUnlessComplete(jobId);
        LOG.info("Job {}: cancelled", jobId);
    }

    /**
     * A queued job that need not run any more (an older Seestar stack of a series with a newer one): cancelled
     * with the reason, unless it has started.
     *
     * @return whether it was skipped
     */
    public boolean skip(long jobId, String reason) {
        return jobs.cancel(jobId, JobStatus.QUEUED, reason);
    }

    private void deleteFolderUnlessComplete(long jobId) {
        // a failed or cancelled attempt of a job that another attempt completed must not take its outputs along
        if (jobs.find(jobId).map(JobRecord::status).orElse(JobStatus.CANCELLED) != JobStatus.COMPLETE) {
            deleteFolder(jobId);
        }
    }

    private void deleteStagedInputs(long jobId) {
        try {
            folders.deleteStagedInputs(jobId);
        } catch (IOException e) {
            LOG.warn("Job {}: could not remove its staged input: {}", jobId, e.getMessage());
        }
    }

    private void deleteFolder(long jobId) {
        try {
            folders.delete(jobId);
        } catch (IOException e) {
            LOG.warn("Job {}: could not remove its folder: {}", jobId, e.getMessage());
        }
    }
}
