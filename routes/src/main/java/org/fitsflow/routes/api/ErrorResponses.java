package org.fitsflow.routes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.component.bean.ParameterBindingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the exception that ended a REST exchange into the API's error answer. Camel wraps exceptions
 * thrown inside expressions and bean calls, so the cause chain is searched for the one that says what
 * happened.
 */
@Component
public class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final ObjectMapper json;

    public ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    public void respond(Exchange exchange) throws JsonProcessingException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status;
        ErrorBody body;
        ApiException api = find(failure, ApiException.class);
        JsonProcessingException badJson = find(failure, JsonProcessingException.class);
        if (api != null) {
            status = api.status();
            body = new ErrorBody(api.error(), api.detail());
        } else if (badJson != null) {
            status = 400;
            body = new ErrorBody("bad request", "the body is not the JSON this endpoint expects: "
                    + firstLine(badJson.getOriginalMessage()));
        } else if (find(failure, ParameterBindingException.class) != null || find(failure, TypeConversionException.class) != null
                || find(failure, NumberFormatException.class) != null) {
            status = 400;
            body = new ErrorBody("bad request", "a path or query parameter is not of the expected form (ids are whole numbers)");
        } else {
            LOG.error("{} {} failed", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_URI), failure);
            status = 500;
            body = new ErrorBody("internal error", "the request could not be completed; the service log has the details");
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsString(body));
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
