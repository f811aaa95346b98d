package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code {"session_name": "..."}} */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateSessionRequest(String sessionName) {
}
