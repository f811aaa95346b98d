package org.fitsflow.routes.executor.docker;

import org.fitsflow.routes.jobs.JobOutcome;

/** What became of a job container: its outcome, or why there is none. */
public sealed interface ContainerEnd {
    record Completed(JobOutcome outcome) implements ContainerEnd {
    }

    /** @param retryable whether another attempt may succeed (a killed container) or not (a bad file) */
    record Failed(String reason, boolean retryable) implements ContainerEnd {
    }

    record Cancelled() implements ContainerEnd {
    }
}
