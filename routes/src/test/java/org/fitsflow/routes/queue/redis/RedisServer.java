package org.fitsflow.routes.queue.redis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real {@code redis-server} for one test class, on a free port, with an append-only file in a temp
 * folder so that a stop and start (a Redis restart) keeps the streams. When the binary cannot be started,
 * the Redis on 127.0.0.1:6379 is used if there is one (tests that restart Redis then need their own);
 * with neither, a strict build ({@code -Dfitsflow.strict=true}, CI) fails and a developer build aborts
 * the test loudly. Tests use their own key prefix, so a shared Redis is no problem.
 */
public final class RedisServer implements AutoCloseable {
    private static final String BINARY = "redis-server";

    private static final int SHARED_PORT = 6379;

    private final Path dir;
    private final int port;
    private Process process;

    private RedisServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static RedisServer start(Path dir) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(dir, freePort());
        try {
            server.startProcess();
            return server;
        } catch (IOException e) {
            RedisServer shared = new RedisServer(dir, SHARED_PORT);
            if (shared.accepts()) {
                System.err.println("WARNING: cannot start " + BINARY + " (" + e.getMessage() + "); using the Redis on port " + SHARED_PORT);
                return shared;
            }
            throw missing("cannot start " + BINARY + " (" + e.getMessage() + ") and nothing listens on port " + SHARED_PORT);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * The application's queue on this server: {@code fitsflow.queue=redis}, its URL, the test's key prefix, and
     * a short start-up delay; the test adds its executor and anything else.
     */
    public void registerQueue(DynamicPropertyRegistry registry, String keyPrefix) {
        registry.add("fitsflow.queue", () -> "redis");
        registry.add("fitsflow.redis.url", this::url);
        registry.add("fitsflow.redis.key-prefix", () -> keyPrefix);
        registry.add("fitsflow.redis.start-delay-ms", () -> "100");
    }

    /** Stops the server the way an operator or a crash would: the process ends, its port closes. */
    public void stop() throws InterruptedException {
        if (process == null) {
            throw missing("this test stops and starts Redis, which needs its own " + BINARY);
        }
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts it again on the same port and data folder. */
    public void restart() throws IOException, InterruptedException {
        startProcess();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private void startProcess() throws IOException, InterruptedException {
        Path log = dir.resolve("redis.log");
        process = new ProcessBuilder(List.of(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--save", "", "--protected-mode", "no"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!accepts()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                fail("redis-server did not come up on port " + port + ": " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static RuntimeException missing(String why) {
        String message = "SKIPPED: " + why + " - a real Redis is needed; CI installs redis-server";
        if (Boolean.getBoolean("fitsflow.strict")) {
            fail("FAILED (strict): " + why + " - install redis-server");
        }
        System.err.println(message);
        return abort(message);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
