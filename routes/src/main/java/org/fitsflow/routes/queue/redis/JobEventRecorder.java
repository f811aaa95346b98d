package org.fitsflow.routes.queue.redis;

import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.worker.JobFinisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what workers report into the job rows: the only writer of the database in Redis mode. Events
 * may come twice (at-least-once) or after a cancel; the job's state machine turns those into no-ops, and
 * {@link JobFinisher} ends the jobs as it ends those of the in-process workers.
 */
public class JobEventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(JobEventRecorder.class);

    private final JobStore jobs;
    private final JobFinisher finisher;
    private final RedisJobPublisher publisher;

    public JobEventRecorder(JobStore jobs, JobFinisher finisher, RedisJobPublisher publisher) {
        this.jobs = jobs;
        this.finisher = finisher;
        this.publisher = publisher;
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
            case COMPLETE -> finisher.complete(running(job), event.outcome());
            case FAILED -> finisher.fail(job.id(), event.reason());
            case CANCELLED -> finisher.cancelled(job.id());
        }
        if (event.terminal()) {
            // the end is recorded: a later publish of the same id is a new run
            publisher.forget(job.id());
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
}
