package org.fitsflow.routes.worker;

import org.springframework.stereotype.Component;

/**
 * Cancels a job: the cancel is recorded first ({@link JobFinisher#cancel}), so that a worker finishing at
 * the same moment loses, then the work running it is told to stop ({@link CancelSignal}).
 */
@Component
public class JobCancellation {
    private final JobFinisher finisher;
    private final CancelSignal running;

    public JobCancellation(JobFinisher finisher, CancelSignal running) {
        this.finisher = finisher;
        this.running = running;
    }

    /** @return false when the job had already ended */
    public boolean cancel(long jobId) {
        if (!finisher.cancel(jobId)) {
            return false;
        }
        // a queued job may already sit in another process's queue (Redis): tell the workers too
        running.send(jobId);
        return true;
    }
}
