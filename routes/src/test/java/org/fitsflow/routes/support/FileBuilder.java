package org.fitsflow.routes.support;

import java.nio.file.Path;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.NewFile;

/**
 * A file row for tests, built by name: {@code aFile().inSession(id).named("m42.fit").insertInto(files)}. What
 * a test does not name has a plain default: {@code a.fit} at {@code /tmp/a.fit}, stacked, 1 byte, uploaded.
 */
public final class FileBuilder {
    private long sessionId;
    private String originalName = "a.fit";
    private String storedPath = "/tmp/a.fit";
    private String fileType = "stacked";
    private long sizeBytes = 1;
    private String inboxPath;
    private Long inboxMtimeMs;

    private FileBuilder() {
    }

    public static FileBuilder aFile() {
        return new FileBuilder();
    }

    public FileBuilder inSession(long id) {
        this.sessionId = id;
        return this;
    }

    public FileBuilder named(String name) {
        this.originalName = name;
        return this;
    }

    public FileBuilder storedAt(Path path) {
        this.storedPath = path.toString();
        return this;
    }

    public FileBuilder ofSize(long bytes) {
        this.sizeBytes = bytes;
        return this;
    }

    /** An inbox file: its path relative to the inbox and its modification time, as the inbox records them. */
    public FileBuilder fromInbox(String relativePath, long mtimeMs) {
        this.inboxPath = relativePath;
        this.inboxMtimeMs = mtimeMs;
        return this;
    }

    public NewFile build() {
        return new NewFile(sessionId, originalName, storedPath, fileType, sizeBytes, null, null, inboxPath, inboxMtimeMs);
    }

    public FileRecord insertInto(FileStore files) {
        return files.insert(build());
    }
}
