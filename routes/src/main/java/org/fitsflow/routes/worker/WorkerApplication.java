package org.fitsflow.routes.worker;

import java.util.Arrays;
import java.util.stream.Stream;
import org.fitsflow.routes.executor.ComputeConfiguration;
import org.fitsflow.routes.executor.docker.DockerExecutorConfiguration;
import org.fitsflow.routes.queue.redis.RedisWorkerConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code fitsflow.role=worker}: a process that only takes jobs from Redis and runs them, on this host or
 * another that mounts the same data folder. No REST API, no inbox and no database: results go back to
 * the application through Redis, and only the application writes the database.
 */
@EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
@Import({RedisWorkerConfiguration.class, DockerExecutorConfiguration.class, InProcessExecutorConfiguration.class,
        ComputeConfiguration.class})
public class WorkerApplication {
    public static final String ROLE = "worker";

    public static void main(String[] args) {
        start(args);
    }

    /** Starts a worker; the Redis queue is implied (a command-line argument outranks application.yaml). */
    public static ConfigurableApplicationContext start(String... args) {
        String[] withRedis = Stream.concat(Stream.of("--fitsflow.queue=redis"), Arrays.stream(args)).toArray(String[]::new);
        return new SpringApplicationBuilder(WorkerApplication.class).web(WebApplicationType.NONE).run(withRedis);
    }

    /** Whether the command line, a system property or the environment asks for the worker role. */
    public static boolean requested(String[] args) {
        String role = Arrays.stream(args).filter(a -> a.startsWith("--fitsflow.role="))
                .map(a -> a.substring("--fitsflow.role=".length())).findFirst()
                .orElse(System.getProperty("fitsflow.role", System.getenv().getOrDefault("FITSFLOW_ROLE", "app")));
        return ROLE.equals(role);
    }
}
