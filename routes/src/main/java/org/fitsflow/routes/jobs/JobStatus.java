package org.fitsflow.routes.jobs;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The life of a job and the only place that says which moves are allowed:
 * {@code queued -> running -> complete | failed | cancelled}, plus {@code queued -> cancelled} (cancelled
 * before it started) and {@code queued -> failed} (its input was rejected before it could start).
 * Terminal states never move again, and nothing moves backwards.
 */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETE, FAILED, CANCELLED;

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(RUNNING, FAILED, CANCELLED),
            RUNNING, EnumSet.of(COMPLETE, FAILED, CANCELLED),
            COMPLETE, EnumSet.noneOf(JobStatus.class),
            FAILED, EnumSet.noneOf(JobStatus.class),
            CANCELLED, EnumSet.noneOf(JobStatus.class));

    public boolean canMoveTo(JobStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** The states that may move to this one: where a fail or a cancel may come from. */
    public Set<JobStatus> predecessors() {
        EnumSet<JobStatus> from = EnumSet.noneOf(JobStatus.class);
        ALLOWED.forEach((status, next) -> {
            if (next.contains(this)) {
                from.add(status);
            }
        });
        return from;
    }

    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** The name used in the database and the API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job status '" + name + "'"));
    }
}
