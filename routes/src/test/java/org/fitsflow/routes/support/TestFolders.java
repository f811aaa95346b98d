package org.fitsflow.routes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh data, inbox and outbox folder per test class (real folders, a real SQLite file), and the
 * properties that point the service at them. Inbox timings are short so that tests run quickly.
 */
public record TestFolders(Path root, Path data, Path inbox, Path outbox) {

    public static TestFolders create(String name) {
        try {
            Path root = Files.createTempDirectory("fitsflow-" + name + "-");
            return new TestFolders(root, Files.createDirectories(root.resolve("data")),
                    Files.createDirectories(root.resolve("inbox")), Files.createDirectories(root.resolve("outbox")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path pipelinesDir() {
        return Path.of(System.getProperty("fitsflow.pipelines", "../config/pipelines"));
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("fitsflow.data-dir", data::toString);
        registry.add("fitsflow.inbox.dir", inbox::toString);
        registry.add("fitsflow.outbox.dir", outbox::toString);
        registry.add("fitsflow.pipelines-dir", () -> pipelinesDir().toString());
        registry.add("fitsflow.inbox.stable-seconds", () -> "1");
        registry.add("fitsflow.inbox.poll-delay-ms", () -> "200");
    }

    public Path database() {
        return data.resolve("fitsflow.db");
    }
}
