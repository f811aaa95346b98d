package org.fitsflow.routes.queue.redis;

import io.lettuce.core.RedisClient;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.routes.jobs.JobExecutor;
import org.fitsflow.routes.worker.GracePeriod;
import org.fitsflow.routes.worker.RunningJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Worker slots that take jobs from Redis ({@code fitsflow.executor-threads} of them; 0 makes the
 * application a pure coordinator). Used by the application and by {@code fitsflow.role=worker}
 * processes alike; the jobs run with whichever {@link JobExecutor} {@code fitsflow.executor} picks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fitsflow.queue", havingValue = "redis")
@Import(RedisConnectionConfiguration.class)
public class RedisWorkerConfiguration {
    @Bean
    RunningJobs runningJobs() {
        return new RunningJobs();
    }

    @Bean(destroyMethod = "close")
    HeartbeatScheduler redisHeartbeats() {
        return new HeartbeatScheduler();
    }

    @Bean
    RedisWorkerSlots redisWorkerSlots(RedisClient client, RedisQueueSettings settings, JobExecutor executor,
                                      RunningJobs running, HeartbeatScheduler redisHeartbeats, RedisCancelChannel channel,
                                      @Value("${fitsflow.executor-threads:2}") int slots,
                                      @Value("${fitsflow.shutdown-grace}") Duration grace) {
        channel.listen(running::cancel);
        RedisEventPublisher events = new RedisEventPublisher(new RedisConnector(client), settings);
        List<RedisWorker> workers = new ArrayList<>();
        for (int i = 1; i <= slots; i++) {
            RedisJobConsumer consumer = new RedisJobConsumer(new RedisConnector(client), settings, consumerName(i));
            workers.add(new RedisWorker(consumer, events, executor, running, redisHeartbeats, settings));
        }
        return new RedisWorkerSlots(workers, running, new GracePeriod(grace));
    }

    @Bean
    RedisWorkerRoutes redisWorkerRoutes(RedisWorkerSlots slots, RedisCancelChannel channel) {
        return new RedisWorkerRoutes(slots.workers(), channel);
    }

    /** Unique per process and slot, readable in XINFO and the log: host-pid-slot. */
    private static String consumerName(int slot) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + slot;
    }
}
