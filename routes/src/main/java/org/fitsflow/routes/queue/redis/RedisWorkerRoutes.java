package org.fitsflow.routes.queue.redis;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.fitsflow.routes.config.RouteErrorPolicy;

/**
 * One route per worker slot, each with its own timer thread: take a job from the Redis stream and run
 * it. A slot is busy for as long as its job runs; the next take starts right after.
 */
public class RedisWorkerRoutes extends RouteBuilder {
    private final List<RedisWorker> workers;
    private final RedisCancelChannel channel;

    public RedisWorkerRoutes(List<RedisWorker> workers, RedisCancelChannel channel) {
        this.workers = List.copyOf(workers);
        this.channel = channel;
    }

    @Override
    public void configure() {
        for (int i = 0; i < workers.size(); i++) {
            String id = "redis-worker-" + (i + 1);
            from("timer:" + id + "?period=1&delay={{fitsflow.redis.start-delay-ms:1000}}").routeId(id).routeConfigurationId(RouteErrorPolicy.BACKGROUND)
                    .bean(workers.get(i), "runNext");
        }
        // a worker that started while Redis was down subscribes to cancels once it is back
        from("timer:redis-cancel-subscription?period=5000").routeId("redis-cancel-subscription").routeConfigurationId(RouteErrorPolicy.BACKGROUND)
                .bean(channel, "ensureSubscribed");
    }
}
