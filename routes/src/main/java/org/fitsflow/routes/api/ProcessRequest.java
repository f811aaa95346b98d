package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code {"pipeline_name": "..."}} */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProcessRequest(String pipelineName) {
}
