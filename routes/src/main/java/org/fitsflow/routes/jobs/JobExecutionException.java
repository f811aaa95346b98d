package org.fitsflow.routes.jobs;

/**
 * A job that did not finish. The message is the reason shown to the user. {@code retryable} tells
 * whether another attempt may succeed: a killed or crashed container may, a bad input file never does.
 */
public class JobExecutionException extends Exception {
    private final boolean retryable;

    public JobExecutionException(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
