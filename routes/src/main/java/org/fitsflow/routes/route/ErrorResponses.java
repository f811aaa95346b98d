package org.fitsflow.routes.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fitsflow.routes.api.ApiException;
import org.fitsflow.routes.api.ErrorBody;
import org.springframework.stereotype.Component;

/** The JSON body of the REST routes' error answers. */
@Component
public class ErrorResponses {
    private final ObjectMapper json;

    public ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    public String of(ApiException e) {
        return write(new ErrorBody(e.error(), e.detail()));
    }

    public String badJson(Exception e) {
        return write(new ErrorBody("bad request", "the body is not the JSON this endpoint expects: "
                + firstLine(e.getMessage())));
    }

    public String badParameter(Exception e) {
        return write(new ErrorBody("bad request", "a path or query parameter has the wrong form: " + firstLine(e.getMessage())));
    }

    public String internal() {
        return write(new ErrorBody("internal error", "the request could not be completed; the service log has the details"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private String write(ErrorBody body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
