package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One output file of a night's, a deep stack's or a frame's job, with its download address. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OutputView(String name, long sizeBytes, String url) {
}
