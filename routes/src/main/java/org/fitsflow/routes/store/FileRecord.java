package org.fitsflow.routes.store;

import java.util.Set;

/**
 * A row of processing_files. {@code headerJson} is null and {@code invalidReason} set when the file is
 * no usable FITS image; {@code inboxPath} is the path relative to the inbox for inbox files.
 */
public record FileRecord(long id, long sessionId, String originalName, String storedPath, String fileType,
                         long sizeBytes, String headerJson, String invalidReason, String inboxPath,
                         Long inboxMtimeMs, String createdAt, String deletedAt) {
    /** The file types that calibrate a stack of the other files rather than being stacked with them. */
    public static final Set<String> CALIBRATION_TYPES = Set.of("bias", "dark", "flat");

    public boolean isCalibrationFrame() {
        return CALIBRATION_TYPES.contains(fileType);
    }
}
