package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A target's newest result: its deep stack, else its newest night, else its newest frame. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LatestView(long jobId, String title, String completedAt, String thumbnailUrl, String previewUrl,
                         String imageUrl) {
}
