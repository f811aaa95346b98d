package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A session with its files and jobs. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionDetailView(long id, String sessionName, String status, String source, int totalFiles,
                                long totalSizeBytes, String createdAt, String finalizedAt, List<FileView> files,
                                List<JobView> jobs) {
    static SessionDetailView of(SessionView s, List<FileView> files, List<JobView> jobs) {
        return new SessionDetailView(s.id(), s.sessionName(), s.status(), s.source(), s.totalFiles(), s.totalSizeBytes(),
                s.createdAt(), s.finalizedAt(), List.copyOf(files), List.copyOf(jobs));
    }
}
