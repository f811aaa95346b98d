package org.fitsflow.routes.queue.redis;

import io.lettuce.core.XAddArgs;

/** Workers' reports to the application, appended to the events stream. */
public class RedisEventPublisher {
    /** Enough for every unread event of a busy day; older ones go when the stream grows beyond it. */
    private static final long MAX_EVENTS = 100_000;

    private final RedisConnector redis;
    private final QueueKeys keys;

    public RedisEventPublisher(RedisConnector redis, RedisQueueSettings settings) {
        this.redis = redis;
        this.keys = new QueueKeys(settings.keyPrefix());
    }

    /** @throws io.lettuce.core.RedisException when Redis cannot be reached */
    public void publish(WorkerEvent event) {
        redis.commands().xadd(keys.events(), XAddArgs.Builder.maxlen(MAX_EVENTS).approximateTrimming(),
                "job_id", Long.toString(event.jobId()), "event", QueueMessageCodec.encode(event));
    }
}
