package org.fitsflow.routes.api;

import java.util.Map;

/** A file as the API shows it; {@code header} is the FITS header summary (object, exposure, size, ...). */
public record FileView(long id, long sessionId, String originalName, String fileType, long sizeBytes,
                       Map<String, Object> header, String invalidReason, String inboxPath, String createdAt,
                       String deletedAt) {
}
