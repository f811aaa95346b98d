package org.fitsflow.routes.api;

import java.io.IOException;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/process/sessions/{id}/upload}, the one endpoint under {@code /api/process} that is a
 * Spring MVC controller rather than a Camel REST route: Camel's platform-http binding reads multipart
 * bodies into memory (attachments), and files of up to 500 MB must not be. Here Tomcat streams the part
 * to a file in {@code data/uploads/incoming} as it arrives (file-size threshold 0, see
 * {@link UploadConfiguration}) and stops at the configured size, which answers 413.
 */
@RestController
public class UploadController {
    private final UploadService uploads;
    private final SessionApi sessions;

    public UploadController(UploadService uploads, SessionApi sessions) {
        this.uploads = uploads;
        this.sessions = sessions;
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
}
