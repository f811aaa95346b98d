package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels reach the worker that runs the job through a pub/sub announcement; a marker key catches the
 * worker that takes the job only later (a queued job, or a re-delivery).
 */
public class RedisCancelChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCancelChannel.class);
    /** Longer than any job waits in the queue; the marker only has to outlive the job's deliveries. */
    private static final Duration MARKER_LIFETIME = Duration.ofDays(7);

    private final RedisClient client;
    private final QueueKeys keys;
    private StatefulRedisPubSubConnection<String, String> subscription;
    private LongConsumer onCancel;

    public RedisCancelChannel(RedisClient client, RedisQueueSettings settings) {
        this.client = client;
        this.keys = new QueueKeys(settings.keyPrefix());
    }

    /** Application side. @throws io.lettuce.core.RedisException when Redis cannot be reached */
    public void announce(long jobId) {
        try (var connection = client.connect()) {
            connection.sync().set(keys.cancelled(jobId), "1", SetArgs.Builder.ex(MARKER_LIFETIME));
            connection.sync().publish(keys.cancelChannel(), Long.toString(jobId));
        }
    }

    /**
     * Worker side: calls {@code onCancel} with each announced job id. Subscribes now when Redis is
     * reachable, else at a later {@link #ensureSubscribed()}; Lettuce re-subscribes after a reconnect.
     */
    public synchronized void listen(LongConsumer onCancel) {
        this.onCancel = onCancel;
        ensureSubscribed();
    }

    public synchronized void ensureSubscribed() {
        if (onCancel == null || subscription != null) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    try {
                        onCancel.accept(Long.parseLong(message));
                    } catch (NumberFormatException e) {
                        LOG.warn("Ignoring cancel announcement that is no job id: '{}'", message);
                    }
                }
            });
            connection.sync().subscribe(keys.cancelChannel());
            subscription = connection;
        } catch (RedisException e) {
            LOG.warn("Cancel announcements not received yet, Redis unreachable: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
