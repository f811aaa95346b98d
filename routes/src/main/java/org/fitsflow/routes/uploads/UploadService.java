package org.fitsflow.routes.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.fitsflow.processors.fits.FitsFileName;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.InvalidFitsException;
import org.fitsflow.processors.image.Image;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.metrics.UploadMetrics;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.HeaderJson;
import org.fitsflow.routes.store.NewFile;
import org.fitsflow.routes.store.SessionRecord;
import org.fitsflow.routes.store.SessionStore;
import org.springframework.stereotype.Component;

/**
 * Accepts an uploaded file into a session. The client's file name is metadata only: the stored file is
 * {@code data/uploads/<uuid>_<safe stem><extension>}, the stem reduced to letters, digits, dot, dash and
 * underscore and the extension taken from a fixed list, so no name a client sends can reach outside the
 * uploads folder. The content must be a usable FITS image (checked by
 * reading it), otherwise the file is removed again and the reader's reason is the answer; the decoded
 * image is kept for the job that follows ({@link DecodedUploads}).
 */
@Component
public class UploadService {
    public static final Set<String> FILE_TYPES = Set.of("stacked", "light", "dark", "flat", "bias");
    private static final int MAX_ORIGINAL_NAME = 255;

    private final SessionStore sessions;
    private final FileStore files;
    private final HeaderJson headerJson;
    private final DecodedUploads decoded;
    private final UploadMetrics metrics;
    private final Path uploads;

    public UploadService(SessionStore sessions, FileStore files, HeaderJson headerJson, DecodedUploads decoded,
                         UploadMetrics metrics, FitsflowProperties properties) {
        this.sessions = sessions;
        this.metrics = metrics;
        this.decoded = decoded;
        this.files = files;
        this.headerJson = headerJson;
        this.uploads = properties.uploadsDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the uploads folder " + uploads, e);
        }
    }

    /** Checks that the session exists and takes uploads, before the body is stored. */
    public SessionRecord sessionTakingUploads(long sessionId) throws UploadRejectedException {
        SessionRecord session = sessions.find(sessionId)
                .orElseThrow(() -> new UploadRejectedException(404, "not found", "session " + sessionId + " does not exist"));
        if (!session.isUploading()) {
            throw new UploadRejectedException(409, "conflict",
                    "session " + sessionId + " is " + session.status() + "; uploads are closed after finalize");
        }
        return session;
    }

    public FileRecord accept(long sessionId, String clientName, String fileType, UploadedContent content)
            throws UploadRejectedException, IOException {
        sessionTakingUploads(sessionId);
        String type = fileType == null || fileType.isBlank() ? "stacked" : fileType.strip();
        if (!FILE_TYPES.contains(type)) {
            throw new UploadRejectedException(400, "bad request", "file_type must be one of " + FILE_TYPES + ", got '" + type + "'");
        }
        String originalName = originalName(clientName);
        FitsFileName name = FitsFileName.of(originalName);
        // the safe stem keeps reports over several files (analyze_subs) readable; the uuid keeps names unique
        String stem = name.safeStem().isEmpty() ? "" : "_" + name.safeStem();
        Path stored = uploads.resolve(UUID.randomUUID() + stem + (name.extension().isEmpty() ? ".fit" : name.extension()));
        content.moveTo(stored);
        Image image;
        try {
            // the header can be sound while the pixels are not (cut off, all NaN): read them once here,
            // so that a file accepted now is a file a job can process
            image = FitsReader.read(stored);
        } catch (InvalidFitsException e) {
            Files.deleteIfExists(stored);
            throw new UploadRejectedException(415, "not a usable FITS image", e.getMessage());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(stored);
            throw e;
        }
        decoded.keep(stored, image);
        long size = Files.size(stored);
        FileRecord row = files.insert(NewFile.upload(sessionId, originalName, stored.toString(), type, size,
                headerJson.write(image.header())));
        metrics.stored(size);
        return row;
    }

    /** The client's name reduced to its last path element, without control characters, at most 255 characters. */
    static String originalName(String clientName) {
        if (clientName == null) {
            return "upload.fit";
        }
        String name = clientName.replaceAll("\\p{Cntrl}", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload.fit";
        }
        if (name.length() > MAX_ORIGINAL_NAME) {
            // keep the extension, which says how the content is compressed
            String extension = FitsFileName.of(name).extension();
            name = name.substring(0, MAX_ORIGINAL_NAME - extension.length()) + extension;
        }
        return name;
    }
}
