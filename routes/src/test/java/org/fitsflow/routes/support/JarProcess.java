package org.fitsflow.routes.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service jar ({@code fitsflow.jar}, built by {@code mvn package}) started as its own OS process,
 * the way a user or systemd starts it: in a working folder of its own, settings on the command line, its
 * output in a log file outside that folder. As an application it answers on {@link #api()}.
 */
public final class JarProcess implements AutoCloseable {
    private static final Path JAR = Path.of(System.getProperty("fitsflow.jar", "target/fitsflow.jar")).toAbsolutePath();

    private final Process process;
    private final Path log;
    private final ApiClient api;

    private JarProcess(Process process, Path log, ApiClient api) {
        this.process = process;
        this.log = log;
        this.api = api;
    }

    /** The application on {@code port}, with the JVM's heap limit {@code heap} (e.g. {@code 1g}). */
    public static JarProcess app(Path workingDir, Path log, String heap, int port, String... settings) {
        return app(workingDir, log, heap, port, Map.of(), settings);
    }

    /** The application with {@code environment} added to the test's environment (e.g. {@code FITSFLOW_SECURITY_TOKEN}). */
    public static JarProcess app(Path workingDir, Path log, String heap, int port, Map<String, String> environment,
                                 String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port));
        args.addAll(List.of(settings));
        return start(workingDir, log, heap, args, environment, new ApiClient(port));
    }

    /** A {@code fitsflow.role=worker} process. */
    public static JarProcess worker(Path workingDir, Path log, String heap, String... settings) {
        List<String> args = new ArrayList<>(List.of("--fitsflow.role=worker"));
        args.addAll(List.of(settings));
        return start(workingDir, log, heap, args, Map.of(), null);
    }

    private static JarProcess start(Path workingDir, Path log, String heap, List<String> args,
                                    Map<String, String> environment, ApiClient api) {
        assertThat(JAR).as("the packaged service (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", JAR.toString()));
        command.addAll(args);
        try {
            Files.createDirectories(workingDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new JarProcess(process, log, api);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ApiClient api() {
        return api;
    }

    /** Waits until the application answers on {@code /actuator/health}. */
    public void awaitHealthy(Duration timeout) {
        Await.until("the application to answer (see " + log + ")", timeout, () -> {
            assertThat(process.isAlive()).as("the application is running (see " + log + ")").isTrue();
            try {
                return api.get("/actuator/health").status();
            } catch (UncheckedIOException notListeningYet) {
                return 0;
            }
        }, status -> status == 200);
    }

    /** The jobs as {@code GET /jobs} lists them; none while the application is not listening yet. */
    public List<JsonNode> jobs() {
        assertThat(process.isAlive()).as("the application is running (see " + log + ")").isTrue();
        try {
            ApiClient.Answer answer = api.get("/api/process/jobs?limit=1000");
            List<JsonNode> list = new ArrayList<>();
            if (answer.status() == 200) {
                answer.json().forEach(list::add);
            }
            return list;
        } catch (UncheckedIOException notListeningYet) {
            return List.of();
        }
    }

    /** SIGTERM, as systemd, {@code docker stop} or Ctrl-C send it. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook, no cleanup. */
    public void kill() {
        process.destroyForcibly();
    }

    /** @return the exit code (143 after SIGTERM, 137 after SIGKILL) */
    public int awaitExit(Duration timeout) throws InterruptedException {
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .as("the process ended within " + timeout + " (see " + log + ")").isTrue();
        return process.exitValue();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
