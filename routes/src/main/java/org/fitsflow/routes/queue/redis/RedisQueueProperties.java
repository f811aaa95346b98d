package org.fitsflow.routes.queue.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fitsflow.redis.*}; unset values take the defaults of {@link RedisQueueSettings}. */
@ConfigurationProperties("fitsflow.redis")
public record RedisQueueProperties(String url, String keyPrefix, Duration visibilityTimeout, Integer maxAttempts,
                                   Duration readBlock, Duration commandTimeout) {
    public RedisQueueSettings settings() {
        return new RedisQueueSettings(url, keyPrefix, visibilityTimeout, maxAttempts == null ? 0 : maxAttempts,
                readBlock, commandTimeout);
    }
}
