package org.fitsflow.routes.jobs;

/** A status change that the state machine forbids, e.g. {@code complete -> running}. */
public class IllegalJobTransitionException extends IllegalStateException {
    public IllegalJobTransitionException(long jobId, JobStatus from, JobStatus to) {
        super("job " + jobId + " cannot move from " + from.wireName() + " to " + to.wireName());
    }
}
