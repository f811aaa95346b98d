package org.fitsflow.routes.api;

import org.fitsflow.routes.config.FitsflowProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Error answers of the Spring MVC endpoints (upload, events), in the API's JSON form. */
@RestControllerAdvice
public class ApiExceptionHandler {
    private final long maxBytes;

    public ApiExceptionHandler(FitsflowProperties properties) {
        this.maxBytes = properties.upload().maxBytes();
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ErrorBody> api(ApiException e) {
        return body(HttpStatus.valueOf(e.status()), e.error(), e.detail());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, "file too large", "the upload limit is " + maxBytes + " bytes per file");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    public ResponseEntity<ErrorBody> missingPart(MissingServletRequestPartException e) {
        return body(HttpStatus.BAD_REQUEST, "bad request", "the multipart field '" + e.getRequestPartName() + "' is missing");
    }

    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ErrorBody> badMultipart(MultipartException e) {
        return body(HttpStatus.BAD_REQUEST, "bad request", "the body is not a readable multipart/form-data upload");
    }

    private static ResponseEntity<ErrorBody> body(HttpStatus status, String error, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorBody(error, detail));
    }
}
