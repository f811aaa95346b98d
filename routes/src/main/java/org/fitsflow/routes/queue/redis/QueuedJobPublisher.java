package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisException;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.store.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox pattern for the queue: the database is the record of what must run. Every pass publishes
 * the unfinished jobs that are not in the jobs stream: those submitted while Redis was down, and all
 * of them after a Redis that lost its data. Publishing is idempotent, so a pass never queues a job twice.
 */
public class QueuedJobPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedJobPublisher.class);

    private final JobStore jobs;
    private final RedisJobPublisher publisher;
    private final RedisJobQueue queue;
    private boolean redisWasDown;

    public QueuedJobPublisher(JobStore jobs, RedisJobPublisher publisher, RedisJobQueue queue) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.queue = queue;
    }

    /** @return how many jobs were (re)submitted */
    public synchronized int publishMissing() {
        int submitted = 0;
        try {
            for (long id : jobs.idsIn(JobStatus.QUEUED, JobStatus.RUNNING)) {
                if (!publisher.isPublished(id)) {
                    queue.submit(id);
                    submitted++;
                }
            }
            if (redisWasDown || submitted > 0) {
                LOG.info("Redis reachable; {} unpublished jobs submitted", submitted);
            }
            redisWasDown = false;
        } catch (RedisException e) {
            if (!redisWasDown) {
                LOG.warn("Redis unreachable ({}); queued jobs wait in the database", e.getMessage());
            }
            redisWasDown = true;
        }
        return submitted;
    }
}
