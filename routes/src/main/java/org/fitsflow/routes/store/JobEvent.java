package org.fitsflow.routes.store;

/** One recorded status change of a job; {@code fromStatus} is null for the creation. */
public record JobEvent(long jobId, String fromStatus, String toStatus, String at, String detail) {
}
