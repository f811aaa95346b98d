package org.fitsflow.routes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a reader of the outbox could see: the delivered files, and any left under a temporary name. */
public final class OutboxFiles {
    private OutboxFiles() {
    }

    /** Every regular file, as a path relative to the outbox, sorted. */
    public static List<String> all(Path outbox) {
        if (!Files.exists(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile).map(f -> outbox.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under a hidden or temporary name: half-written deliveries. */
    public static List<String> temporary(Path outbox) {
        return all(outbox).stream().filter(f -> {
            String name = Path.of(f).getFileName().toString();
            return name.startsWith(".") || name.endsWith(".partial") || name.endsWith(".tmp");
        }).toList();
    }
}
