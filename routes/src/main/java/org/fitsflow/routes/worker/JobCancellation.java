package org.fitsflow.routes.worker;

import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.store.JobStore;
import org.springframework.stereotype.Component;

/**
 * Cancels a job: a queued one never starts, a running one is stopped by interrupting its thread.
 * The database is changed first, so that a worker finishing at the same moment sees the cancel.
 */
@Component
public class JobCancellation {
    private final JobStore jobs;
    private final CancelSignal running;

    public JobCancellation(JobStore jobs, CancelSignal running) {
        this.jobs = jobs;
        this.running = running;
    }

    /** @return false when the job had already finished */
    public boolean cancel(long jobId) {
        if (jobs.cancel(jobId, JobStatus.QUEUED, "cancelled before it started")) {
            // a queued job may already sit in another process's queue (Redis): tell the workers too
            running.send(jobId);
            return true;
        }
        if (jobs.cancel(jobId, JobStatus.RUNNING, "cancelled")) {
            running.send(jobId);
            return true;
        }
        return false;
    }
}
