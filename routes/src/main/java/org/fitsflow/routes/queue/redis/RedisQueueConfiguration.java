package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisClient;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.worker.JobFinisher;
import org.fitsflow.routes.worker.JobTicketFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code fitsflow.queue=redis}, the application's side: jobs are published to Redis, worker events are
 * written to the database, cancels are announced. Workers in this process come from
 * {@link RedisWorkerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fitsflow.queue", havingValue = "redis")
@Import({RedisConnectionConfiguration.class, RedisWorkerConfiguration.class})
public class RedisQueueConfiguration {
    @Bean
    RedisJobPublisher redisJobPublisher(RedisClient client, RedisQueueSettings settings) {
        return new RedisJobPublisher(new RedisConnector(client), settings);
    }

    @Bean
    RedisJobQueue redisJobQueue(JobStore jobs, JobTicketFactory tickets, JobFinisher finisher, RedisJobPublisher publisher) {
        return new RedisJobQueue(jobs, tickets, finisher, publisher);
    }

    @Bean
    RedisCancelSignal redisCancelSignal(RedisCancelChannel channel) {
        return new RedisCancelSignal(channel);
    }

    @Bean
    RedisQueueRoutes redisQueueRoutes(RedisClient client, RedisQueueSettings settings, JobStore jobs, JobFinisher finisher,
                                      RedisJobPublisher publisher, RedisJobQueue queue) {
        return new RedisQueueRoutes(new RedisEventConsumer(new RedisConnector(client), settings),
                new JobEventRecorder(jobs, finisher, publisher), new QueuedJobPublisher(jobs, publisher, queue));
    }
}
