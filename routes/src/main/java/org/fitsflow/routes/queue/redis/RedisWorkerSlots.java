package org.fitsflow.routes.queue.redis;

import java.util.List;
import org.fitsflow.routes.worker.GracePeriod;
import org.fitsflow.routes.worker.RunningJobs;
import org.springframework.context.SmartLifecycle;

/**
 * This process's worker slots, stopped gracefully: on shutdown they stop taking jobs, the running ones
 * get the grace period to finish, and those still running after it are stopped and handed back to the
 * stream for another worker. Stops before the Camel context (a higher phase), whose shutdown then waits
 * for the slots' routes to return.
 */
public class RedisWorkerSlots implements SmartLifecycle {
    private final List<RedisWorker> workers;
    private final RunningJobs running;
    private final GracePeriod grace;
    private volatile boolean started;

    public RedisWorkerSlots(List<RedisWorker> workers, RunningJobs running, GracePeriod grace) {
        this.workers = List.copyOf(workers);
        this.running = running;
        this.grace = grace;
    }

    public List<RedisWorker> workers() {
        return workers;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        workers.forEach(RedisWorker::stopTaking);
        if (!grace.awaitFinished("Redis worker", running::size)) {
            running.stopAll();
        }
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
