package org.fitsflow.routes.queue.redis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.outbox.OutboxDelivery;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.worker.JobFolders;
import org.fitsflow.routes.worker.JobTicketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what workers report into the job rows: the only writer of the database in Redis mode. Events
 * may come twice (at-least-once) or after a cancel; the job's state machine in {@link JobStore} turns
 * those into no-ops, and a result that lost against a cancel leaves no files behind.
 */
public class JobEventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(JobEventRecorder.class);

    private final JobStore jobs;
    private final JobFolders folders;
    private final OutboxDelivery outbox;
    private final RedisJobPublisher publisher;
    private final JobTicketFactory tickets;

    public JobEventRecorder(JobStore jobs, JobFolders folders, OutboxDelivery outbox, RedisJobPublisher publisher,
                            JobTicketFactory tickets) {
        this.jobs = jobs;
        this.folders = folders;
        this.outbox = outbox;
        this.publisher = publisher;
        this.tickets = tickets;
    }

    public void record(WorkerEvent event) {
        JobRecord job = jobs.find(event.jobId()).orElse(null);
        if (job == null) {
            LOG.warn("Worker event {} for unknown job {} ignored", event.type(), event.jobId());
            return;
        }
        switch (event.type()) {
            case STARTED -> started(job, event);
            case PROGRESS -> {
                running(job);
                jobs.progress(job.id(), event.percent(), event.step());
            }
            case COMPLETE -> complete(running(job), event.outcome());
            case FAILED -> failed(job, event.reason());
            case CANCELLED -> cancelled(job);
        }
    }

    private void started(JobRecord job, WorkerEvent event) {
        if (job.status() == JobStatus.RUNNING) {
            // a re-delivery (after a dead worker, or handed back by a stopping one): the row keeps running,
            // its event trail says it restarted
            jobs.restart(job.id());
        }
        running(job);
        jobs.progress(job.id(), 0.0, "started on " + event.worker());
    }

    /** queued -> running when the worker's start event was not seen (it is best effort). */
    private JobRecord running(JobRecord job) {
        if (job.status() == JobStatus.QUEUED) {
            jobs.start(job.id());
        }
        return job;
    }

    private void complete(JobRecord job, JobOutcome outcome) {
        if (job.status() == JobStatus.COMPLETE) {
            // the job ran twice (a worker died before it acknowledged, or Redis lost the stream): the first
            // result stands, and its outbox files with it
            LOG.info("Job {}: a second result ignored", job.id());
            return;
        }
        try {
            if (job.deliversToOutbox()) {
                List<Path> outputs = outcome.outputFiles().stream().map(n -> folders.outputsDir(job.id()).resolve(n)).toList();
                outbox.deliver(job.outboxFolder(), outputs, job.id());
            }
        } catch (IOException e) {
            failed(job, "the outputs could not be delivered to the outbox: " + e.getMessage());
            return;
        }
        if (jobs.complete(job.id(), outcome)) {
            LOG.info("Job {}: complete, outputs {}", job.id(), outcome.outputFiles());
            unstage(job.id());
        } else {
            // cancelled while the worker finished: the cancel wins, nothing stays behind
            withdraw(job, outcome.outputFiles());
        }
        publisher.forget(job.id());
    }

    private void failed(JobRecord job, String reason) {
        if (jobs.fail(job.id(), JobStatus.RUNNING, reason) || jobs.fail(job.id(), JobStatus.QUEUED, reason)) {
            LOG.warn("Job {}: failed: {}", job.id(), reason);
            deleteFolder(job.id());
        }
        publisher.forget(job.id());
    }

    private void cancelled(JobRecord job) {
        // the cancel itself was recorded by the API; a worker confirms it stopped
        if (!job.status().isTerminal()) {
            jobs.cancel(job.id(), job.status(), "cancelled");
        }
        deleteFolder(job.id());
        publisher.forget(job.id());
    }

    private void withdraw(JobRecord job, List<String> outputs) {
        try {
            if (job.deliversToOutbox()) {
                outbox.withdraw(job.outboxFolder(), outputs);
            }
        } catch (IOException e) {
            LOG.warn("Job {}: could not withdraw its outbox files: {}", job.id(), e.getMessage());
        }
        deleteFolder(job.id());
    }

    private void unstage(long jobId) {
        try {
            tickets.unstage(jobId);
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
