package org.fitsflow.routes.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.uploads.UploadRejectedException;
import org.fitsflow.routes.uploads.UploadService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * {@code POST /api/process/sessions/{id}/upload}: a multipart form with the file in the field
 * {@code file} (browsers, the web page), or the file as the whole body ({@code application/octet-stream}
 * or {@code application/fits}, name in {@code ?filename=}), which scripts can send without building a
 * form and the service can store without searching the body for part boundaries.
 *
 * <p>This is the one endpoint under {@code /api/process} that is a
 * Spring MVC controller rather than a Camel REST route: Camel's platform-http binding reads multipart
 * bodies into memory (attachments), and files of up to 500 MB must not be. Here either body is copied to
 * disk as it arrives (a form's file part to {@code data/uploads/incoming} by {@link MultipartFormReader},
 * then moved) and stopped at the configured size, which answers 413.
 */
@RestController
public class UploadController {
    /** Room for the multipart boundaries and the small form fields next to the file. */
    private static final long FORM_OVERHEAD_BYTES = 64 * 1024;

    private final UploadService uploads;
    private final SessionApi sessions;
    private final long maxBytes;
    private final Path incoming;

    public UploadController(UploadService uploads, SessionApi sessions, FitsflowProperties properties) throws IOException {
        this.uploads = uploads;
        this.sessions = sessions;
        this.maxBytes = properties.upload().maxBytes();
        this.incoming = Files.createDirectories(properties.uploadsDir().resolve("incoming").toAbsolutePath());
        // forms spooled by uploads that a stop cut off: no upload can be running before this controller exists
        try (Stream<Path> leftovers = Files.list(incoming)) {
            for (Path leftover : leftovers.filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    @PostMapping(path = "/api/process/sessions/{id}/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<FileView> upload(@PathVariable("id") long id,
                                           @RequestParam(name = "file_type", required = false) String fileTypeParameter,
                                           HttpServletRequest request) throws IOException {
        Path spooled = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            uploads.sessionTakingUploads(id);
            if (request.getContentLengthLong() > maxBytes + FORM_OVERHEAD_BYTES) {
                throw new MaxUploadSizeExceededException(maxBytes);
            }
            MultipartFormReader.Form form = MultipartFormReader.read(request.getInputStream(), request.getContentType(), spooled, maxBytes);
            String fileType = form.fields().getOrDefault("file_type", fileTypeParameter);
            FileRecord stored = uploads.accept(id, form.fileName(), fileType,
                    target -> Files.move(spooled, target, StandardCopyOption.REPLACE_EXISTING));
            return ResponseEntity.status(HttpStatus.CREATED).body(sessions.fileView(stored));
        } catch (UploadRejectedException e) {
            throw new ApiException(e.status(), e.error(), e.getMessage());
        } catch (MultipartFormReader.MalformedFormException e) {
            throw new ApiException(400, "bad request", "malformed multipart/form-data body: " + e.getMessage());
        } catch (MultipartFormReader.FileTooLargeException e) {
            throw new MaxUploadSizeExceededException(maxBytes);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    @PostMapping(path = "/api/process/sessions/{id}/upload",
            consumes = {MediaType.APPLICATION_OCTET_STREAM_VALUE, "application/fits", "image/fits"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<FileView> uploadBody(@PathVariable("id") long id,
                                               @RequestParam(name = "filename", required = false) String filename,
                                               @RequestParam(name = "file_type", required = false) String fileType,
                                               HttpServletRequest request) throws IOException {
        try {
            uploads.sessionTakingUploads(id);
            if (request.getContentLengthLong() > maxBytes) {
                throw new MaxUploadSizeExceededException(maxBytes);
            }
            FileRecord stored = uploads.accept(id, filename, fileType, new RequestBodyContent(request.getInputStream(), maxBytes));
            return ResponseEntity.status(HttpStatus.CREATED).body(sessions.fileView(stored));
        } catch (UploadRejectedException e) {
            throw new ApiException(e.status(), e.error(), e.getMessage());
        }
    }
}
