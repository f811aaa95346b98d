package org.fitsflow.routes.executor;

/** Stops work that is running in this process. */
public interface RunningJobs {
    /** Interrupts the thread running that job; false when the job is not running here. */
    boolean interrupt(long jobId);
}
