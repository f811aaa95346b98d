package org.fitsflow.routes.worker;

import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.queue.JobQueue;
import org.fitsflow.routes.store.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The in-process queue forgets everything when the process ends. At start-up, jobs still queued are
 * queued again, and jobs that were running (their worker died with the process, or was handed back at
 * shutdown) run again from the beginning; their outputs are replaced, so each finishes exactly once.
 * It runs before the inbox and the REST API start (a lower phase than the Camel context's), so that a
 * job of this process is never mistaken for one of the previous.
 */
@Component
@ConditionalOnProperty(name = "fitsflow.queue", havingValue = "local", matchIfMissing = true)
public class JobRecovery implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    private final JobStore jobs;
    private final JobQueue queue;
    private volatile boolean recovered;

    public JobRecovery(JobStore jobs, JobQueue queue) {
        this.jobs = jobs;
        this.queue = queue;
    }

    @Override
    public void start() {
        int restarted = 0;
        for (long id : jobs.idsIn(JobStatus.RUNNING)) {
            if (jobs.restart(id)) {
                queue.submit(id);
                restarted++;
            }
        }
        var queued = jobs.idsIn(JobStatus.QUEUED);
        queued.forEach(queue::submit);
        if (restarted + queued.size() > 0) {
            LOG.info("Recovered {} interrupted and {} queued jobs", restarted, queued.size());
        }
        recovered = true;
    }

    @Override
    public void stop() {
        // nothing to undo: what is still unfinished at the next start is recovered then
        recovered = false;
    }

    @Override
    public boolean isRunning() {
        return recovered;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
