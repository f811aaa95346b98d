package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisException;
import org.fitsflow.routes.worker.CancelSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a job wherever it runs: the cancel is announced through Redis to every worker. The database
 * already says cancelled, so a worker that finishes anyway has its result discarded.
 */
public class RedisCancelSignal implements CancelSignal {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCancelSignal.class);

    private final RedisCancelChannel channel;

    public RedisCancelSignal(RedisCancelChannel channel) {
        this.channel = channel;
    }

    @Override
    public boolean send(long jobId) {
        try {
            channel.announce(jobId);
            return true;
        } catch (RedisException e) {
            LOG.warn("Job {}: cancel not announced, Redis unreachable ({}); its result will be discarded", jobId, e.getMessage());
            return false;
        }
    }
}
