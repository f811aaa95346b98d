package org.fitsflow.routes.store;

/**
 * What is known of a file when it is recorded. {@code invalidReason} is set (and {@code headerJson} null)
 * for a file that is no usable FITS image; {@code inboxPath} and {@code inboxMtimeMs} only for inbox files.
 */
public record NewFile(long sessionId, String originalName, String storedPath, String fileType, long sizeBytes,
                      String headerJson, String invalidReason, String inboxPath, Long inboxMtimeMs) {
    /** An uploaded file, checked as a usable FITS image before it is recorded. */
    public static NewFile upload(long sessionId, String originalName, String storedPath, String fileType, long sizeBytes,
                                 String headerJson) {
        return new NewFile(sessionId, originalName, storedPath, fileType, sizeBytes, headerJson, null, null, null);
    }
}
