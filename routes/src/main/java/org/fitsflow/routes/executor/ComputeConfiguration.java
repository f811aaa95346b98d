package org.fitsflow.routes.executor;

import org.fitsflow.processors.backend.Backends;
import org.fitsflow.processors.backend.ComputeBackend;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The compute backend jobs run on: the fastest this machine has (GPU when JCuda finds one). */
@Configuration(proxyBeanMethods = false)
public class ComputeConfiguration {
    @Bean
    public ComputeBackend computeBackend() {
        return Backends.select();
    }
}
