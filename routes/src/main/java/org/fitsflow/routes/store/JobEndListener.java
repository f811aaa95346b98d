package org.fitsflow.routes.store;

/**
 * Told once about every job that reaches its end (complete, failed or cancelled), right after the change
 * is in the database. {@link JobStore} is the one writer of that change, whichever executor or worker
 * ran the job, so a listener sees each end exactly once.
 */
@FunctionalInterface
public interface JobEndListener {
    void jobEnded(JobRecord job);
}
