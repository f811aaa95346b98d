package org.fitsflow.routes.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Tells whoever follows a job in this process that its row has changed (status or progress), so that
 * an event stream can answer at once instead of finding out at its next look at the database.
 */
@Component
public class JobChanges {
    private final Map<Long, Set<Runnable>> watchers = new ConcurrentHashMap<>();

    /** Runs {@code onChange} after each change of the job until the returned handle is run. */
    public Runnable watch(long jobId, Runnable onChange) {
        watchers.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> watchers.computeIfPresent(jobId, (id, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    void changed(long jobId) {
        Set<Runnable> set = watchers.get(jobId);
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }
}
