package org.fitsflow.routes.executor.docker;

/** How following a container's output ended. */
public enum ContainerExit {
    /** The container's process ended by itself (or was killed from outside). */
    EXITED,
    /** It ran past the timeout; the route stops it. */
    TIMED_OUT,
    /** The job was cancelled (interrupt); the route stops it. */
    CANCELLED;

    public boolean needsStop() {
        return this != EXITED;
    }
}
