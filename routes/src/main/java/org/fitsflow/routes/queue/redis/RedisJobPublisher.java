package org.fitsflow.routes.queue.redis;

import io.lettuce.core.ScriptOutputType;
import org.fitsflow.routes.jobs.JobTicket;

/**
 * Puts job tickets into the jobs stream, at most once per job: the stream entry and the job's mark in
 * the published hash are written in one script, so a re-publisher that runs again after a lost reply
 * or a restart never queues a job twice. Used by the application only.
 */
public class RedisJobPublisher {
    private static final String PUBLISH_ONCE = """
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return false end
            local id = redis.call('XADD', KEYS[2], '*', 'job_id', ARGV[1], 'ticket', ARGV[2])
            redis.call('HSET', KEYS[1], ARGV[1], id)
            return id
            """;
    /** Entries in the stream less those a worker holds; before the first worker there is no group yet. */
    private static final String WAITING = """
            local length = redis.call('XLEN', KEYS[1])
            local ok, pending = pcall(redis.call, 'XPENDING', KEYS[1], ARGV[1])
            if ok then return length - pending[1] end
            return length
            """;

    private final RedisConnector redis;
    private final QueueKeys keys;

    public RedisJobPublisher(RedisConnector redis, RedisQueueSettings settings) {
        this.redis = redis;
        this.keys = new QueueKeys(settings.keyPrefix());
    }

    /**
     * @return true when the ticket was added, false when the job was already in the stream
     * @throws io.lettuce.core.RedisException when Redis cannot be reached
     */
    public boolean publish(JobTicket ticket) {
        String id = redis.commands().eval(PUBLISH_ONCE, ScriptOutputType.VALUE,
                new String[] {keys.published(), keys.jobs()},
                Long.toString(ticket.jobId()), QueueMessageCodec.encode(ticket));
        return id != null;
    }

    /**
     * Jobs in the stream that no worker has taken yet (a taken job leaves the stream when it is settled).
     *
     * @throws io.lettuce.core.RedisException when Redis cannot be reached
     */
    public long waiting() {
        Long waiting = redis.commands().eval(WAITING, ScriptOutputType.INTEGER, new String[] {keys.jobs()}, keys.workers());
        return waiting == null ? 0 : waiting;
    }

    public boolean isPublished(long jobId) {
        return redis.commands().hexists(keys.published(), Long.toString(jobId));
    }

    /** After the job's final state is recorded: a later re-publish of the same id is a new run. */
    public void forget(long jobId) {
        redis.commands().hdel(keys.published(), Long.toString(jobId));
        redis.commands().hdel(keys.lastFailure(), Long.toString(jobId));
    }
}
