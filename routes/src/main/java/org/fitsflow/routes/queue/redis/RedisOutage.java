package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs an unreachable Redis once when it goes and once when it is back, not on every poll in between. */
final class RedisOutage {
    private static final Logger LOG = LoggerFactory.getLogger(RedisOutage.class);

    private final String activity;
    private volatile boolean down;

    RedisOutage(String activity) {
        this.activity = activity;
    }

    void begins(RedisException e) {
        if (!down) {
            down = true;
            LOG.warn("Redis unreachable while {}: {}; retrying", activity, e.getMessage());
        }
    }

    void over() {
        if (down) {
            down = false;
            LOG.info("Redis reachable again: {}", activity);
        }
    }
}
