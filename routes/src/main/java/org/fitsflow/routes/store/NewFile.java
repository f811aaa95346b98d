package org.fitsflow.routes.store;

/** What is known of a file when it is recorded. */
public record NewFile(long sessionId, String originalName, String storedPath, String fileType, long sizeBytes,
                      String headerJson, String invalidReason, String inboxPath, Long inboxMtimeMs) {
}
