package org.fitsflow.routes.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fitsflow.routes.config.FitsflowProperties.Executor;
import org.fitsflow.routes.config.FitsflowProperties.Queue;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The queue, executor and nights settings bind as written in YAML, on the command line and in the environment. */
class FitsflowPropertiesTest {
    @Test
    void queueAndExecutorBindFromTheirDocumentedValues() {
        FitsflowProperties yaml = bind(new MapPropertySource("yaml", Map.of("fitsflow.queue", "redis", "fitsflow.executor", "docker")));
        assertThat(yaml.queue()).isEqualTo(Queue.REDIS);
        assertThat(yaml.executor()).isEqualTo(Executor.DOCKER);
        assertThat(yaml.runsJobsInProcess()).isFalse();

        FitsflowProperties environment = bind(new SystemEnvironmentPropertySource("env",
                Map.of("FITSFLOW_QUEUE", "local", "FITSFLOW_EXECUTOR", "LOCAL")));
        assertThat(environment.queue()).isEqualTo(Queue.LOCAL);
        assertThat(environment.executor()).isEqualTo(Executor.LOCAL);
        assertThat(environment.runsJobsInProcess()).isTrue();
        assertThat(Queue.REDIS.key()).isEqualTo("redis");
    }

    @Test
    void aNightsQuietPeriodMayBeAFractionOfAMinute() {
        FitsflowProperties yaml = bind(new MapPropertySource("yaml", Map.of("fitsflow.nights.quiet-minutes", "0.05",
                "fitsflow.nights.check-interval", "250ms")));
        assertThat(yaml.nights().quiet()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(yaml.nights().checkInterval()).isEqualTo(java.time.Duration.ofMillis(250));
    }

    private static FitsflowProperties bind(PropertySource<?> source) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(source);
        return new Binder(ConfigurationPropertySources.get(environment)).bind("fitsflow", FitsflowProperties.class).get();
    }
}
