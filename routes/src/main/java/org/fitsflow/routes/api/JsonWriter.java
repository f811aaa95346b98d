package org.fitsflow.routes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Writes a response object as JSON with the application's ObjectMapper (for routes without JSON binding). */
@Component
public class JsonWriter {
    private final ObjectMapper json;

    public JsonWriter(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) throws JsonProcessingException {
        return json.writeValueAsString(value);
    }
}
