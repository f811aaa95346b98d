package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.util.OptionalLong;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.routes.jobs.JobTicket;
import org.fitsflow.routes.queue.JobQueue;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.worker.JobFinisher;
import org.fitsflow.routes.worker.JobTicketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fitsflow.queue=redis}, the application's side: a submitted job is staged and published to the
 * jobs stream. When Redis is down the job simply stays {@code queued} in the database, where the
 * {@link QueuedJobPublisher} finds it and publishes it once Redis is back: an upload is never refused
 * because of the queue.
 */
public class RedisJobQueue implements JobQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RedisJobQueue.class);

    private final JobStore jobs;
    private final JobTicketFactory tickets;
    private final JobFinisher finisher;
    private final RedisJobPublisher publisher;

    public RedisJobQueue(JobStore jobs, JobTicketFactory tickets, JobFinisher finisher, RedisJobPublisher publisher) {
        this.jobs = jobs;
        this.tickets = tickets;
        this.finisher = finisher;
        this.publisher = publisher;
    }

    @Override
    public void submit(long jobId) {
        JobRecord job = jobs.find(jobId).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return;
        }
        JobTicket ticket;
        try {
            ticket = tickets.ticketFor(job);
        } catch (IOException | InvalidPipelineException e) {
            LOG.warn("Job {}: cannot be queued: {}", jobId, e.getMessage());
            finisher.fail(jobId, e.getMessage());
            return;
        }
        try {
            if (publisher.publish(ticket)) {
                LOG.info("Job {}: queued on Redis", jobId);
            }
        } catch (RedisCommandExecutionException e) {
            LOG.error("Job {}: Redis refused it ({}); it stays queued and is tried again", jobId, e.getMessage());
        } catch (RedisException e) {
            LOG.warn("Job {}: Redis unreachable ({}); it stays queued and is published when Redis is back", jobId, e.getMessage());
        }
    }

    @Override
    public OptionalLong depth() {
        try {
            return OptionalLong.of(publisher.waiting());
        } catch (RedisException e) {
            return OptionalLong.empty();
        }
    }

    /** Workers take jobs from the Redis stream ({@link RedisWorker}); nothing in this process takes ids. */
    @Override
    public long take() {
        throw new UnsupportedOperationException("with fitsflow.queue=redis, jobs are taken from the Redis stream by the workers");
    }
}
