package org.fitsflow.routes.api;

import java.util.List;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A single-frame result of a target: a telescope's stack from the inbox ({@code source} telescope) or an upload. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FrameView(long jobId, String fileName, String completedAt, List<OutputView> outputs, String thumbnailUrl,
                        String previewUrl, String imageUrl, String source) {
}
