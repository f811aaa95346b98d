package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** A file as the API shows it; {@code header} is the FITS header summary (object, exposure, size, ...). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileView(long id, long sessionId, String originalName, String fileType, long sizeBytes,
                       Map<String, Object> header, String invalidReason, String inboxPath, String createdAt,
                       String deletedAt) {
}
