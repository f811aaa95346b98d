package org.fitsflow.routes.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.fitsflow.routes.config.FitsflowProperties;
import org.springframework.stereotype.Component;

/**
 * Copies an inbox job's outputs to {@code outbox/<relative folder>/<name>}. Each file is written under a
 * hidden temporary name in the same folder and renamed atomically over any earlier copy, so a reader (or
 * a sync tool) never sees half a file, and a job that runs again replaces its files instead of adding
 * new ones.
 */
@Component
public class OutboxDelivery {
    private final Path outbox;

    public OutboxDelivery(FitsflowProperties properties) {
        this.outbox = properties.outbox().dir().toAbsolutePath().normalize();
    }

    /** @return the delivered files */
    public List<Path> deliver(String relativeFolder, List<Path> outputs, long jobId) throws IOException {
        Path folder = folder(relativeFolder);
        Files.createDirectories(folder);
        for (Path output : outputs) {
            Path target = folder.resolve(output.getFileName().toString());
            Path temporary = folder.resolve("." + output.getFileName() + "." + jobId + ".partial");
            Files.copy(output, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return outputs.stream().map(o -> folder.resolve(o.getFileName().toString())).toList();
    }

    /** Removes delivered files again (a job cancelled while its outputs were being delivered). */
    public void withdraw(String relativeFolder, List<String> names) throws IOException {
        Path folder = folder(relativeFolder);
        for (String name : names) {
            Files.deleteIfExists(folder.resolve(name));
        }
    }

    private Path folder(String relativeFolder) {
        Path folder = outbox.resolve(relativeFolder).normalize();
        if (!folder.startsWith(outbox)) {
            throw new IllegalArgumentException("outbox folder escapes the outbox: " + relativeFolder);
        }
        return folder;
    }
}
