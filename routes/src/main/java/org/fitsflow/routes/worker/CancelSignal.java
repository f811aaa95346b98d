package org.fitsflow.routes.worker;

/**
 * Tells the work running a cancelled job to stop: the thread that runs it in this process, or every
 * Redis worker. The cancel itself is already in the database.
 */
public interface CancelSignal {
    /** @return false when the signal reached no one (the job does not run here, or Redis is away) */
    boolean send(long jobId);
}
