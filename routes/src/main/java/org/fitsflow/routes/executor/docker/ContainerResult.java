package org.fitsflow.routes.executor.docker;

import org.fitsflow.routes.worker.TicketOutcome;

/** What became of a job container: its outcome, or why there is none. */
public sealed interface ContainerResult {
    record Completed(TicketOutcome outcome) implements ContainerResult {
    }

    /** @param retryable whether another attempt may succeed (a killed container) or not (a bad file) */
    record Failed(String reason, boolean retryable) implements ContainerResult {
    }

    record Cancelled() implements ContainerResult {
    }
}
