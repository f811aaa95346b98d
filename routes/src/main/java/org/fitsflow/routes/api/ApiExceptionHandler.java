package org.fitsflow.routes.api;

import org.fitsflow.routes.config.FitsflowProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

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

    private static ResponseEntity<ErrorBody> body(HttpStatus status, String error, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorBody(error, detail));
    }
}
