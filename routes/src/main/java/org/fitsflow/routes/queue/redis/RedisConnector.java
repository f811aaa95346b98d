package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One connection, opened on first use and again after a failed attempt: the service starts and takes
 * uploads while Redis is down. Once open, Lettuce reconnects it by itself.
 */
public class RedisConnector implements AutoCloseable {
    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    public RedisConnector(RedisClient client) {
        this.client = client;
    }

    /** @throws io.lettuce.core.RedisException when Redis cannot be reached */
    public synchronized RedisCommands<String, String> commands() {
        if (connection == null) {
            connection = client.connect();
        }
        return connection.sync();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
