package org.fitsflow.routes.executor;

import java.nio.file.Path;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.routes.jobs.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code fitsflow.queue=redis} with {@code fitsflow.executor=local}: Redis workers run jobs in their own process. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fitsflow.queue", havingValue = "redis")
@ConditionalOnProperty(name = "fitsflow.executor", havingValue = "local", matchIfMissing = true)
public class LocalExecutorConfiguration {
    @Bean
    JobExecutor localExecutor(ComputeBackend backend, @Value("${fitsflow.data-dir}") Path dataDir) {
        return new LocalExecutor(backend, dataDir.toAbsolutePath().normalize());
    }
}
