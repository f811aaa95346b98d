package org.fitsflow.routes.store;

import java.util.List;

/**
 * A row of deep_stacks: one target's (object and filter) stack over its nights' masters. {@code nightJobIds} are
 * the night jobs whose masters the latest job combines; {@code deliveredJobId} the job whose files are in the outbox.
 */
public record DeepStackRecord(long id, String target, String filter, NightState state, String error, List<Long> nightJobIds,
                              int nightsUsed, int subsUsed, double integrationSeconds, Long jobId, Long deliveredJobId,
                              String updatedAt) {
    public DeepStackRecord {
        nightJobIds = List.copyOf(nightJobIds);
    }
}
