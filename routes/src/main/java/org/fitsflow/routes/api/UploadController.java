package org.fitsflow.routes.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/process/sessions/{id}/upload}: a multipart form with the file in the field
 * {@code file} (browsers, the web page), or the file as the whole body ({@code application/octet-stream}
 * or {@code application/fits}, name in {@code ?filename=}), which scripts can send without building a
 * form and the service can store without searching the body for part boundaries.
 *
 * <p>This is the one endpoint under {@code /api/process} that is a
 * Spring MVC controller rather than a Camel REST route: Camel's platform-http binding reads multipart
 * bodies into memory (attachments), and files of up to 500 MB must not be. Here Tomcat streams the part
 * to a file in {@code data/uploads/incoming} as it arrives (file-size threshold 0, see
 * {@link UploadConfiguration}) and stops at the configured size, which answers 413.
 */
@RestController
public class UploadController {
    private final UploadService uploads;
    private final SessionApi sessions;
    private final long maxBytes;

    public UploadController(UploadService uploads, SessionApi sessions, FitsflowProperties properties) {
        this.uploads = uploads;
        this.sessions = sessions;
        this.maxBytes = properties.upload().maxBytes();
    }

    @PostMapping(path = "/api/process/sessions/{id}/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<FileView> upload(@PathVariable("id") long id,
                                           @RequestPart(name = "file", required = false) MultipartFile file,
                                           @RequestParam(name = "file_type", required = false) String fileType)
            throws IOException {
        try {
            uploads.sessionTakingUploads(id);
            if (file == null) {
                throw new ApiException(400, "bad request", "the multipart field 'file' is missing");
            }
            FileRecord stored = uploads.accept(id, file.getOriginalFilename(), fileType, file::transferTo);
            return ResponseEntity.status(HttpStatus.CREATED).body(sessions.fileView(stored));
        } catch (UploadRejectedException e) {
            throw new ApiException(e.status(), e.error(), e.getMessage());
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
