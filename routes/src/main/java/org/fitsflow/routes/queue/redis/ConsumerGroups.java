package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.sync.RedisCommands;

/** Creates a stream's consumer group when it is missing (first start, or a Redis that lost its data). */
final class ConsumerGroups {
    private ConsumerGroups() {
    }

    static void ensure(RedisCommands<String, String> redis, String stream, String group) {
        try {
            // from the stream's start, so that entries added before the group existed are delivered too
            redis.xgroupCreate(StreamOffset.from(stream, "0-0"), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: it exists
        }
    }

    static boolean isMissingGroup(RedisCommandExecutionException e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOGROUP");
    }
}
