package org.fitsflow.routes.jobs;

/** The running job was stopped through an interrupt of the thread that runs it (a cancel or a shutdown). */
public class JobCancelledException extends Exception {
    public JobCancelledException(long jobId) {
        super("job " + jobId + " was stopped");
    }
}
