package org.fitsflow.routes.api;

import java.util.List;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code GET /targets/{id}}: the target's fields of the list, its deep stack, nights (newest first) and frames. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TargetDetailView(String id, String name, String filter, String kind, double integrationSeconds,
                               int nightsCount, String lastNight, StackingView stacking, LatestView latest, String updatedAt,
                               DeepStackView deepStack, List<NightView> nights, List<FrameView> frames) {
    static TargetDetailView of(TargetView t, DeepStackView deepStack, List<NightView> nights, List<FrameView> frames) {
        return new TargetDetailView(t.id(), t.name(), t.filter(), t.kind(), t.integrationSeconds(), t.nightsCount(),
                t.lastNight(), t.stacking(), t.latest(), t.updatedAt(), deepStack, List.copyOf(nights), List.copyOf(frames));
    }
}
