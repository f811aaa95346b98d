package org.fitsflow.routes.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that no handler of ours answered (unknown path, wrong method, a failure inside the web server)
 * get the API's {@code {"error", "detail"}} body too, never a stack trace.
 */
@Component
public class ApiErrorAttributes extends DefaultErrorAttributes {
    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Object code = request.getAttribute("jakarta.servlet.error.status_code", RequestAttributes.SCOPE_REQUEST);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", status.getReasonPhrase().toLowerCase(Locale.ROOT));
        body.put("detail", switch (status) {
            case NOT_FOUND -> "no such resource: " + path;
            case METHOD_NOT_ALLOWED -> "method not allowed on " + path;
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported content type for " + path;
            default -> status.is5xxServerError() ? "internal error; the service log has the details" : String.valueOf(path);
        });
        return body;
    }
}
