package org.fitsflow.routes.store;

/**
 * A row of nights. {@code jobId} is the latest stack job, {@code deliveredJobId} the one whose files are in the
 * outbox, {@code masterFileId} the file row of that job's master; {@code flaggedJson} the subs the stack left out
 * ({@code [{"file_name", "reasons"}]}); {@code closesMs} null when it closes only when quiet. The measured fields are null until a stack is done.
 */
public record NightRecord(long id, NightKey key, NightState state, String error, boolean restackPending, int subsTaken,
                          Integer subsUsed, Double integrationSeconds, Double fwhmMedianPx, Double fwhmMedianArcsec,
                          String flaggedJson, long sessionId, Long jobId, Long deliveredJobId, Long masterFileId,
                          long lastSubMs, Long closesMs, String createdAt, String updatedAt) {
}
