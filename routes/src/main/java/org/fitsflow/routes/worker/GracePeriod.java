package org.fitsflow.routes.worker;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long running jobs may take to finish once the process is asked to stop (SIGTERM,
 * {@code fitsflow.shutdown-grace}). The workers stop taking jobs, wait here, and hand back the jobs
 * still running after it, so that they run again: in-process at the next start, on Redis on another worker.
 */
public record GracePeriod(Duration length) {
    private static final Logger LOG = LoggerFactory.getLogger(GracePeriod.class);
    private static final long POLL_MS = 50;

    /**
     * Waits until {@code running} reaches 0 or the period is over, saying so in the log.
     *
     * @param who what stops, for the log
     * @return true when nothing runs any more
     */
    public boolean awaitFinished(String who, IntSupplier running) {
        int jobs = running.getAsInt();
        if (jobs == 0) {
            return true;
        }
        LOG.info("{} stopping: {} running job(s) get up to {} s to finish", who, jobs, length.toMillis() / 1000.0);
        long deadline = System.nanoTime() + length.toNanos();
        while (running.getAsInt() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = running.getAsInt();
        if (left == 0) {
            LOG.info("{} stopping: the running jobs finished", who);
        } else {
            LOG.warn("{} stopping: {} job(s) still running after {} s are handed back", who, left, length.toMillis() / 1000.0);
        }
        return left == 0;
    }
}
