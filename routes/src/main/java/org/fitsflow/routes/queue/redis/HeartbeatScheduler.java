package org.fitsflow.routes.queue.redis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that renews the claims of all running jobs. Not an {@code Executor} bean on purpose:
 * Spring Boot would then skip its own task executor, which the web layer needs.
 */
public class HeartbeatScheduler implements AutoCloseable {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fitsflow-redis-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ScheduledFuture<?> every(Duration interval, Runnable beat) {
        return scheduler.scheduleAtFixedRate(beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
