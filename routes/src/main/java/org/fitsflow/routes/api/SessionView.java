package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.fitsflow.routes.store.SessionRecord;

/** A session as the API shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionView(long id, String sessionName, String status, String source, int totalFiles,
                          long totalSizeBytes, String createdAt, String finalizedAt) {
    static SessionView of(SessionRecord s) {
        return new SessionView(s.id(), s.sessionName(), s.status(), s.source(), s.totalFiles(), s.totalSizeBytes(),
                s.createdAt(), s.finalizedAt());
    }
}
