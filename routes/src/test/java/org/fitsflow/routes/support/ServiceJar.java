package org.fitsflow.routes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code mvn package} builds {@code target/fitsflow.jar}) started as its own
 * process, as a user starts it: {@code java -jar}, the test's folders and the repository's pipelines on
 * the command line, all it prints in a file.
 */
public final class ServiceJar {
    private ServiceJar() {
    }

    /**
     * @param workingDirectory where the process starts
     * @param output           receives its standard output and error
     * @param environment      added to the test's environment
     * @param arguments        more command-line settings
     */
    public static Process start(TestFolders folders, int port, String maxHeap, Path workingDirectory, Path output,
                                Map<String, String> environment, String... arguments) throws IOException {
        Path jar = Path.of(System.getProperty("fitsflow.jar", "target/fitsflow.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged service (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap, "-jar", jar.toString(),
                "--server.port=" + port,
                "--fitsflow.data-dir=" + folders.data(),
                "--fitsflow.inbox.dir=" + folders.inbox(),
                "--fitsflow.outbox.dir=" + folders.outbox(),
                "--fitsflow.pipelines-dir=" + TestFolders.pipelinesDir().toAbsolutePath()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** SIGTERM, then waits for the end; nothing when it has ended already. */
    public static void stop(Process service) throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor();
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
