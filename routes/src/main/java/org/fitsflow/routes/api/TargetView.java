package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A target (one object and filter) in the list: {@code kind} subs when it has nights of raw subs, frames when it
 * has only single frames (telescope stacks, uploads); {@code filter} null when the headers name none.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TargetView(String id, String name, String filter, String kind, double integrationSeconds, int nightsCount,
                         String lastNight, StackingView stacking, LatestView latest, String updatedAt) {
}
