package org.fitsflow.routes.queue;

import java.util.OptionalLong;

/**
 * Hands job ids from whoever creates jobs to the workers that run them. The database row is the truth
 * about a job; the queue only says "this one is ready to run", so delivering an id twice is harmless.
 */
public interface JobQueue {
    void submit(long jobId);

    /** Blocks until a job id is available. */
    long take() throws InterruptedException;

    /** Jobs waiting for a worker, for the metrics; empty when the queue cannot be asked now. */
    OptionalLong depth();
}
