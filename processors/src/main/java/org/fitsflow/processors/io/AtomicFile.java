package org.fitsflow.processors.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Writes a file under a hidden temporary name in the target's folder, then renames it into place. */
public final class AtomicFile {

    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    /** Returns {@code target}, for callers that collect what they wrote. */
    public static Path write(Path target, Content content) throws IOException {
        // Same folder, so the rename is atomic; leading dot, so folder watchers skip the partial file.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            content.writeTo(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
