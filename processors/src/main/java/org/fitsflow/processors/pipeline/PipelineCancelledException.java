package org.fitsflow.processors.pipeline;

/** Thrown by the runner when the running thread was interrupted, i.e. the job was cancelled. */
public class PipelineCancelledException extends RuntimeException {
    public PipelineCancelledException() {
        super("cancelled");
    }
}
