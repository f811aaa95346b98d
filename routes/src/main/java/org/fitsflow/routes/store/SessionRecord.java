package org.fitsflow.routes.store;

/** A row of processing_sessions with its file totals. */
public record SessionRecord(long id, String sessionName, String source, String status, String createdAt,
                            String finalizedAt, int totalFiles, long totalSizeBytes) {
    public static final String UPLOADING = "uploading";
    public static final String READY = "ready";

    public boolean isUploading() {
        return UPLOADING.equals(status);
    }
}
