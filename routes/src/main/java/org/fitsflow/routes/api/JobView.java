package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.fitsflow.routes.store.JobRecord;

/**
 * A job as the API shows it. {@code gpu_used} is null until the job has run; {@code thumbnails} lists the
 * thumbnails of its JPEG outputs once it is complete (see {@link JobViews}). {@code restretch_of}: the job a
 * re-stretch was made from; {@code kept_restretch_job_id}: the re-stretch kept for this job, whose preview
 * stands for its own.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobView(long id, long sessionId, long fileId, String pipelineName, String status,
                      double progressPercent, String currentStep, String createdAt, String startedAt,
                      String completedAt, String errorMessage, Boolean gpuUsed, String backend,
                      List<String> outputFiles, List<ThumbnailView> thumbnails, int attempts, boolean outputsDeleted,
                      List<Long> inputFileIds, Long restretchOf, Long keptRestretchJobId) {
    static JobView of(JobRecord j, List<ThumbnailView> thumbnails, Long restretchOf, Long keptRestretchJobId) {
        return new JobView(j.id(), j.sessionId(), j.fileId(), j.pipelineName(), j.status().wireName(),
                j.progressPercent(), j.currentStep(), j.createdAt(), j.startedAt(), j.completedAt(), j.errorMessage(),
                j.gpuUsed(), j.backend(), j.outputFiles(), thumbnails, j.attempts(), j.outputsDeletedAt() != null, j.inputFileIds(),
                restretchOf, keptRestretchJobId);
    }
}
