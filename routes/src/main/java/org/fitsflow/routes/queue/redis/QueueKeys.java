package org.fitsflow.routes.queue.redis;

/** The Redis keys of one installation. */
record QueueKeys(String prefix) {
    /** Stream of job tickets; the consumer group {@link #workers()} hands each to one worker. */
    String jobs() {
        return prefix + ":jobs";
    }

    String workers() {
        return "workers";
    }

    /** Stream of worker events (started, progress, complete, failed); read by the application only. */
    String events() {
        return prefix + ":events";
    }

    String application() {
        return "application";
    }

    /** Hash job id -> stream entry id of the jobs that are in the jobs stream (publish once). */
    String published() {
        return prefix + ":published";
    }

    /** Hash job id -> reason of the last failed attempt, for the final message after the last attempt. */
    String lastFailure() {
        return prefix + ":last-failure";
    }

    /** Pub/sub channel on which cancelled job ids are announced to the workers. */
    String cancelChannel() {
        return prefix + ":cancel";
    }

    /** Marker of a cancelled job, for a worker that takes it after the announcement. */
    String cancelled(long jobId) {
        return prefix + ":cancelled:" + jobId;
    }
}
