package org.fitsflow.routes.api;

import java.util.List;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A target's deep stack over its nights' masters; the outputs are those of its latest finished one. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeepStackView(Long jobId, String state, String error, int nightsUsed, int subsUsed, double integrationSeconds,
                            List<OutputView> outputs, String thumbnailUrl, String previewUrl, String imageUrl) {
}
