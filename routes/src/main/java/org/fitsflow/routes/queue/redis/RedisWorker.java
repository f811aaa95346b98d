package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.processors.pipeline.ThrottledProgress;
import org.fitsflow.routes.jobs.JobCancelledException;
import org.fitsflow.routes.jobs.JobExecutionException;
import org.fitsflow.routes.jobs.JobExecutor;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobTicket;
import org.fitsflow.routes.queue.redis.RedisJobConsumer.UnreadableEntry;
import org.fitsflow.routes.worker.RunningJobs;
import org.fitsflow.routes.worker.RunningJobs.Run;
import org.fitsflow.routes.worker.RunningJobs.Stop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker slot: takes a job from the stream, runs it with the executor while renewing its claim,
 * reports progress and the result as events, and acknowledges the job once its final event is in
 * Redis. A job is never lost: until that acknowledgement, a worker that dies leaves the job pending,
 * and another worker takes it over after the visibility timeout; a worker that stops hands its job back,
 * for another worker to take at once. After the last allowed attempt the job ends {@code failed} with the
 * reason.
 */
public class RedisWorker {
    private static final Logger LOG = LoggerFactory.getLogger(RedisWorker.class);
    private static final Duration SETTLE_RETRY = Duration.ofSeconds(1);

    private final RedisJobConsumer consumer;
    private final RedisEventPublisher events;
    private final JobExecutor executor;
    private final RunningJobs running;
    private final HeartbeatScheduler heartbeats;
    private final RedisQueueSettings settings;
    private final RedisOutage outage;
    private volatile boolean taking = true;

    public RedisWorker(RedisJobConsumer consumer, RedisEventPublisher events, JobExecutor executor,
                          RunningJobs running, HeartbeatScheduler heartbeats, RedisQueueSettings settings) {
        this.consumer = consumer;
        this.events = events;
        this.executor = executor;
        this.running = running;
        this.heartbeats = heartbeats;
        this.settings = settings;
        this.outage = new RedisOutage("worker " + consumer.name() + " taking jobs");
    }

    /**
     * Handles at most one job; returns after the read block time when there is none.
     *
     * @return whether a job was handled
     * @throws InterruptedException when stopped while waiting for Redis to come back
     */
    public boolean runNext() throws InterruptedException {
        if (!taking) {
            Thread.sleep(settings.readBlock().toMillis());
            return false;
        }
        Optional<TicketDelivery> next;
        try {
            next = consumer.next();
            outage.over();
        } catch (RedisException e) {
            outage.begins(e);
            Thread.sleep(settings.readBlock().toMillis());
            return false;
        } catch (UnreadableEntry e) {
            settle(e.entryId(), WorkerEvent.failed(e.jobId(), 1, consumer.name(), "the queued job cannot be read: " + e.getMessage()));
            return true;
        }
        if (next.isEmpty()) {
            return false;
        }
        try {
            handle(next.get());
        } catch (RedisException e) {
            // gone between the read and the start: the job stays pending and is delivered again after the timeout
            outage.begins(e);
        }
        return true;
    }

    /** The process is stopping: no job is taken any more; one that arrives now is handed back unstarted. */
    public void stopTaking() {
        taking = false;
    }

    private void handle(TicketDelivery delivery) {
        long jobId = delivery.ticket().jobId();
        if (delivery.attempt() > settings.maxAttempts()) {
            String last = consumer.lastFailure(jobId)
                    .orElse("the worker stopped responding (no heartbeat for " + settings.visibilityTimeout().toMillis() / 1000.0 + " s)");
            String reason = "gave up after " + settings.maxAttempts() + " attempts; last: " + last;
            LOG.warn("Job {}: {}", jobId, reason);
            settle(delivery.entryId(), WorkerEvent.failed(jobId, delivery.attempt(), consumer.name(), reason));
            return;
        }
        if (consumer.isCancelled(jobId)) {
            settle(delivery.entryId(), WorkerEvent.cancelled(jobId, delivery.attempt(), consumer.name()));
            return;
        }
        if (!taking) {
            handBack(delivery);
            return;
        }
        LOG.info("Job {}: attempt {} on {}", jobId, delivery.attempt(), consumer.name());
        Run run = running.enter(jobId);
        ScheduledFuture<?> heartbeat = heartbeats.every(settings.heartbeatInterval(), () -> renew(delivery, run));
        try {
            tell(WorkerEvent.started(jobId, delivery.attempt(), consumer.name()));
            JobOutcome outcome = executor.execute(delivery.ticket(), progressOf(delivery));
            heartbeat.cancel(false);
            settle(delivery.entryId(), WorkerEvent.complete(jobId, delivery.attempt(), consumer.name(), outcome));
        } catch (JobExecutionException e) {
            heartbeat.cancel(false);
            failed(delivery, e);
        } catch (JobCancelledException e) {
            heartbeat.cancel(false);
            stopped(delivery, run.stopped());
        } finally {
            heartbeat.cancel(false);
            running.leave(jobId, run);
        }
    }

    private void failed(TicketDelivery delivery, JobExecutionException e) {
        long jobId = delivery.ticket().jobId();
        if (e.retryable() && delivery.attempt() < settings.maxAttempts()) {
            LOG.warn("Job {}: attempt {} failed, another follows after {} s: {}", jobId, delivery.attempt(),
                    settings.visibilityTimeout().toMillis() / 1000.0, e.getMessage());
            try {
                consumer.rememberFailure(jobId, e.getMessage());
                tell(WorkerEvent.retrying(jobId, delivery.attempt(), consumer.name(), e.getMessage()));
            } catch (RedisException unreachable) {
                LOG.warn("Job {}: could not record the failed attempt: {}", jobId, unreachable.getMessage());
            }
            // left pending: re-delivered once the visibility timeout has passed
            return;
        }
        String reason = e.retryable()
                ? e.getMessage() + " (attempt " + delivery.attempt() + " of " + settings.maxAttempts() + ")"
                : e.getMessage();
        LOG.warn("Job {}: failed: {}", jobId, reason);
        settle(delivery.entryId(), WorkerEvent.failed(jobId, delivery.attempt(), consumer.name(), reason));
    }

    private void stopped(TicketDelivery delivery, Stop why) {
        long jobId = delivery.ticket().jobId();
        switch (why) {
            case CANCELLED -> {
                // the cancel's interrupt is spent; a later one (shutdown) may still stop the settling
                Thread.interrupted();
                LOG.info("Job {}: cancelled", jobId);
                settle(delivery.entryId(), WorkerEvent.cancelled(jobId, delivery.attempt(), consumer.name()));
            }
            case CLAIM_LOST -> LOG.warn("Job {}: another worker took it over; this attempt stops", jobId);
            // the end of the grace period, or an interrupt from elsewhere while the process stops
            case SHUTDOWN, NONE -> {
                Thread.interrupted();
                tell(WorkerEvent.handedBack(jobId, delivery.attempt(), consumer.name()));
                handBack(delivery);
            }
        }
    }

    /** Unacknowledged, the job is pending anyway: handing it back only spares the visibility timeout. */
    private void handBack(TicketDelivery delivery) {
        long jobId = delivery.ticket().jobId();
        try {
            consumer.handBack(delivery);
            LOG.info("Job {}: handed back; another worker takes it", jobId);
        } catch (RedisException e) {
            LOG.warn("Job {}: not handed back, Redis unreachable ({}); it is delivered again after the visibility timeout",
                    jobId, e.getMessage());
        }
    }

    private void renew(TicketDelivery delivery, Run run) {
        try {
            if (!consumer.renew(delivery)) {
                run.stop(Stop.CLAIM_LOST);
            }
        } catch (RedisException e) {
            // Redis is away; the claim is renewed when it is back (the entry's idle time only counts there)
            LOG.debug("Job {}: claim not renewed: {}", delivery.ticket().jobId(), e.getMessage());
        }
    }

    private ProgressListener progressOf(TicketDelivery delivery) {
        return new ThrottledProgress((percent, step) ->
                tell(WorkerEvent.progress(delivery.ticket().jobId(), delivery.attempt(), consumer.name(), percent, step)));
    }

    /** Progress is best effort: a lost progress event is replaced by the next one. */
    private void tell(WorkerEvent event) {
        try {
            events.publish(event);
        } catch (RedisException e) {
            LOG.debug("Job {}: {} event not sent: {}", event.jobId(), event.type(), e.getMessage());
        }
    }

    /**
     * The final event must reach Redis before the job leaves the stream, so this retries until Redis
     * takes both. Interrupted (shutdown), it gives up and the job stays pending, to be run again.
     */
    private void settle(String entryId, WorkerEvent event) {
        while (true) {
            try {
                events.publish(event);
                consumer.acknowledge(entryId);
                return;
            } catch (RedisException e) {
                LOG.warn("Job {}: Redis unreachable, the {} result waits: {}", event.jobId(), event.type(), e.getMessage());
            }
            try {
                Thread.sleep(SETTLE_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
