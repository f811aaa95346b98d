package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST .../restack}: the night's new stack job. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RestackView(long jobId, String state) {
}
