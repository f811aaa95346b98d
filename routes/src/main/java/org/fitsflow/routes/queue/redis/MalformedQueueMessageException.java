package org.fitsflow.routes.queue.redis;

/** A stream entry that cannot be read (written by an incompatible version, or by hand). */
public class MalformedQueueMessageException extends RuntimeException {
    public MalformedQueueMessageException(String reason) {
        super(reason);
    }
}
