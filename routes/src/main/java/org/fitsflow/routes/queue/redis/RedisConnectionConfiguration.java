package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Lettuce client of the Redis queue, shared by the application's and the workers' side. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisQueueProperties.class)
public class RedisConnectionConfiguration {
    @Bean
    RedisQueueSettings redisQueueSettings(RedisQueueProperties properties) {
        return properties.settings();
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(RedisQueueSettings settings) {
        return RedisClients.create(settings);
    }

    @Bean(destroyMethod = "close")
    RedisCancelChannel redisCancelChannel(RedisClient client, RedisQueueSettings settings) {
        return new RedisCancelChannel(client, settings);
    }
}
