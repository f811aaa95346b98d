package org.fitsflow.routes.executor;

import java.nio.file.Path;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.routes.jobs.JobExecutor;
import org.fitsflow.routes.uploads.DecodedUploads;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fitsflow.executor=local} (the default): jobs run in the process of the worker that took them, the
 * service's or a {@code fitsflow.role=worker} process's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fitsflow.executor", havingValue = "local", matchIfMissing = true)
public class LocalExecutorConfiguration {
    /** Worker processes have no uploads, hence no decoded images to reuse. */
    @Bean
    JobExecutor localExecutor(ComputeBackend backend, @Value("${fitsflow.data-dir}") Path dataDir,
                              ObjectProvider<DecodedUploads> decoded) {
        return new LocalExecutor(backend, dataDir.toAbsolutePath().normalize(), decoded.getIfAvailable(DecodedUploads::none));
    }
}
