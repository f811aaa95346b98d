package org.fitsflow.processors.pipeline;

/** A pipeline definition that cannot run; the message names the offending step, export or field. */
public class InvalidPipelineException extends IllegalArgumentException {
    public InvalidPipelineException(String message) {
        super(message);
    }
}
