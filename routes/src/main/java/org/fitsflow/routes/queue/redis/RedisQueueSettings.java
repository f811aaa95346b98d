package org.fitsflow.routes.queue.redis;

import java.time.Duration;

/**
 * How the Redis queue behaves ({@code fitsflow.redis.*}).
 *
 * @param url               e.g. {@code redis://127.0.0.1:6379}
 * @param keyPrefix         prefix of every key, so that several installations can share one Redis
 * @param visibilityTimeout a job whose worker sent no heartbeat for this long is delivered again
 * @param maxAttempts       deliveries of one job before it ends {@code failed}
 * @param readBlock         how long one read waits for a new message
 * @param commandTimeout    how long a command may take before Redis counts as unreachable
 */
public record RedisQueueSettings(String url, String keyPrefix, Duration visibilityTimeout, int maxAttempts,
                                 Duration readBlock, Duration commandTimeout) {
    public RedisQueueSettings {
        url = url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "fitsflow" : keyPrefix;
        visibilityTimeout = visibilityTimeout == null ? Duration.ofMinutes(2) : visibilityTimeout;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        readBlock = readBlock == null ? Duration.ofSeconds(1) : readBlock;
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(5) : commandTimeout;
        if (visibilityTimeout.compareTo(Duration.ofMillis(300)) < 0) {
            throw new IllegalArgumentException("fitsflow.redis.visibility-timeout must be at least 300 ms, got " + visibilityTimeout);
        }
    }

    /** Workers renew their claim this often, well inside the visibility timeout. */
    public Duration heartbeatInterval() {
        return visibilityTimeout.dividedBy(4);
    }
}
