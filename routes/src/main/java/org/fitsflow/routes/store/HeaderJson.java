package org.fitsflow.routes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fitsflow.processors.image.FitsHeader;
import org.springframework.stereotype.Component;

/**
 * The FITS header metadata kept on a file row: {@code {"summary": {...}, "cards": [...]}} with the
 * summary in the API's snake_case, so that it can be served as stored.
 */
@Component
public class HeaderJson {
    private final ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    public String write(FitsHeader header) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("summary", header.summary());
        document.put("cards", header.cards());
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("header cannot be written as JSON", e);
        }
    }

    /** The summary part, or null when the file had no readable header. */
    public Map<String, Object> summary(String headerJson) {
        if (headerJson == null) {
            return null;
        }
        try {
            Object summary = json.readValue(headerJson, Map.class).get("summary");
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) summary;
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("header_json is not JSON", e);
        }
    }

    /** The value of the card with this keyword, when the file's header had one. */
    public Optional<String> card(String headerJson, String keyword) {
        if (headerJson == null) {
            return Optional.empty();
        }
        try {
            for (JsonNode card : json.readTree(headerJson).path("cards")) {
                if (keyword.equals(card.path("keyword").asText()) && card.hasNonNull("value")) {
                    return Optional.of(card.get("value").asText());
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("header_json is not JSON", e);
        }
    }
}
