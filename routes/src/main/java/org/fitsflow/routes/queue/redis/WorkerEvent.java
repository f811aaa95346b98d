package org.fitsflow.routes.queue.redis;

import org.fitsflow.routes.jobs.JobOutcome;

/**
 * What a worker reports about a job through Redis; the application turns it into the job's row.
 *
 * @param attempt which delivery of the job this is (1 for the first)
 * @param worker  the consumer name of the worker, for the log
 * @param percent and {@code step}: for {@link Type#PROGRESS}
 * @param outcome for {@link Type#COMPLETE}
 * @param reason  for {@link Type#FAILED}, and for a {@link Type#PROGRESS} that announces a retry
 */
public record WorkerEvent(long jobId, Type type, int attempt, String worker, double percent, String step,
                          JobOutcome outcome, String reason) {
    public enum Type { STARTED, PROGRESS, COMPLETE, FAILED, CANCELLED }

    static WorkerEvent started(long jobId, int attempt, String worker) {
        return new WorkerEvent(jobId, Type.STARTED, attempt, worker, 0.0, null, null, null);
    }

    static WorkerEvent progress(long jobId, int attempt, String worker, double percent, String step) {
        return new WorkerEvent(jobId, Type.PROGRESS, attempt, worker, percent, step, null, null);
    }

    static WorkerEvent retrying(long jobId, int attempt, String worker, String reason) {
        return new WorkerEvent(jobId, Type.PROGRESS, attempt, worker, 0.0, "waiting for attempt " + (attempt + 1), null, reason);
    }

    static WorkerEvent handedBack(long jobId, int attempt, String worker) {
        return new WorkerEvent(jobId, Type.PROGRESS, attempt, worker, 0.0, "handed back by a stopping worker; waiting for another",
                null, null);
    }

    static WorkerEvent complete(long jobId, int attempt, String worker, JobOutcome outcome) {
        return new WorkerEvent(jobId, Type.COMPLETE, attempt, worker, 100.0, null, outcome, null);
    }

    static WorkerEvent failed(long jobId, int attempt, String worker, String reason) {
        return new WorkerEvent(jobId, Type.FAILED, attempt, worker, 0.0, null, null, reason);
    }

    static WorkerEvent cancelled(long jobId, int attempt, String worker) {
        return new WorkerEvent(jobId, Type.CANCELLED, attempt, worker, 0.0, null, null, "cancelled");
    }

    public boolean terminal() {
        return type == Type.COMPLETE || type == Type.FAILED || type == Type.CANCELLED;
    }
}
