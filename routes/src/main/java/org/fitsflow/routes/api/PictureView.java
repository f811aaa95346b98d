package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A picture in three sizes: the 320 px thumbnail, the 1080 px preview and the full JPEG. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PictureView(String thumbnailUrl, String previewUrl, String imageUrl) {
}
