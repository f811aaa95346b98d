package org.fitsflow.routes.queue.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;

/** Lettuce clients that fail fast while Redis is away instead of queueing commands in memory. */
public final class RedisClients {
    private RedisClients() {
    }

    public static RedisClient create(RedisQueueSettings settings) {
        RedisURI uri = RedisURI.create(settings.url());
        uri.setTimeout(settings.commandTimeout());
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // a job submitted while Redis is down stays queued in the database and is published later
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        return client;
    }
}
