package org.fitsflow.routes;

import java.util.Arrays;
import java.util.Map;
import org.fitsflow.routes.config.RouteErrorPolicy;
import org.fitsflow.routes.executor.ComputeConfiguration;
import org.fitsflow.routes.executor.LocalExecutorConfiguration;
import org.fitsflow.routes.executor.docker.DockerExecutorConfiguration;
import org.fitsflow.routes.queue.redis.RedisWorkerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code fitsflow.role=worker}: a process that only takes jobs from Redis and runs them, on this host or
 * another that mounts the same data folder. No REST API, no inbox and no database: results go back to
 * the application through Redis, and only the application writes the database. It runs until SIGTERM,
 * then stops like the application's workers (see {@code fitsflow.shutdown-grace}).
 */
@EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
@Import({RedisWorkerConfiguration.class, DockerExecutorConfiguration.class, LocalExecutorConfiguration.class,
        ComputeConfiguration.class, RouteErrorPolicy.class})
public class WorkerApplication {
    public static final String ROLE = "worker";

    public static void main(String[] args) {
        start(args);
    }

    /** Starts a worker, which takes jobs from Redis whatever {@code fitsflow.queue} says elsewhere. */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication worker = new SpringApplicationBuilder(WorkerApplication.class).main(WorkerApplication.class)
                .web(WebApplicationType.NONE).listeners(new RoleSettings()).build();
        // Without a web server no thread of ours outlives main(), and the JVM would end at once; Spring's
        // keep-alive thread holds it until the context closes (SIGTERM).
        worker.setKeepAlive(true);
        return worker.run(args);
    }

    /** Whether the command line, a system property or the environment asks for the worker role. */
    public static boolean requested(String[] args) {
        String role = Arrays.stream(args).filter(a -> a.startsWith("--fitsflow.role="))
                .map(a -> a.substring("--fitsflow.role=".length())).findFirst()
                .orElse(System.getProperty("fitsflow.role", System.getenv().getOrDefault("FITSFLOW_ROLE", "app")));
        return ROLE.equals(role);
    }

    /**
     * The settings the role implies, above every other source: the Redis queue (config/application.yaml says
     * {@code local} for the application, and a second {@code --fitsflow.queue} argument would turn the value
     * into the list "redis,redis", which matches no configuration), and at least one slot.
     */
    private static final class RoleSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            ConfigurableEnvironment environment = event.getEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("fitsflow.role=" + ROLE,
                    Map.of("fitsflow.queue", "redis")));
            Integer slots = environment.getProperty("fitsflow.executor-threads", Integer.class);
            if (slots != null && slots < 1) {
                throw new IllegalStateException("a worker needs fitsflow.executor-threads of at least 1, got " + slots);
            }
        }
    }
}
