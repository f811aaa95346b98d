package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisException;
import org.fitsflow.routes.executor.RunningJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a job wherever it runs: the cancel is announced through Redis to every worker. The database
 * already says cancelled, so a worker that finishes anyway has its result discarded.
 */
public class RedisRunningJobs implements RunningJobs {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRunningJobs.class);

    private final RedisCancelSignals signals;

    public RedisRunningJobs(RedisCancelSignals signals) {
        this.signals = signals;
    }

    @Override
    public boolean interrupt(long jobId) {
        try {
            signals.announce(jobId);
            return true;
        } catch (RedisException e) {
            LOG.warn("Job {}: cancel not announced, Redis unreachable ({}); its result will be discarded", jobId, e.getMessage());
            return false;
        }
    }
}
