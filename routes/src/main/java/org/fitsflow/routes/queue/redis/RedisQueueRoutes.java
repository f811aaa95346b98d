package org.fitsflow.routes.queue.redis;

import org.apache.camel.builder.RouteBuilder;
import org.fitsflow.routes.config.RouteErrorPolicy;

/**
 * The application's side of the Redis queue: worker events into the database (acknowledged once
 * recorded, so an event is never lost to a crash), and the periodic publishing of queued jobs that are
 * not in Redis yet. A failed recording leaves the event pending; it is read again at the next start.
 */
public class RedisQueueRoutes extends RouteBuilder {
    private final RedisEventConsumer events;
    private final JobEventRecorder recorder;
    private final QueuedJobPublisher publisher;

    public RedisQueueRoutes(RedisEventConsumer events, JobEventRecorder recorder, QueuedJobPublisher publisher) {
        this.events = events;
        this.recorder = recorder;
        this.publisher = publisher;
    }

    @Override
    public void configure() {
        // each read blocks up to fitsflow.redis.read-block, so the timer only restarts it
        from("timer:redis-job-events?period=1&delay={{fitsflow.redis.start-delay-ms:1000}}").routeId("redis-job-events").routeConfigurationId(RouteErrorPolicy.BACKGROUND)
                .bean(events, "read")
                .split(body())
                    .setProperty("received", body())
                    .bean(recorder, "record(${body.event()})")
                    .bean(events, "acknowledge(${exchangeProperty.received})")
                .end();

        from("timer:redis-publish-queued?period={{fitsflow.redis.publish-interval-ms:10000}}&delay={{fitsflow.redis.start-delay-ms:1000}}")
                .routeId("redis-publish-queued").routeConfigurationId(RouteErrorPolicy.BACKGROUND)
                .bean(publisher, "publishMissing");
    }
}
