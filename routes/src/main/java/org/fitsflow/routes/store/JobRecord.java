package org.fitsflow.routes.store;

import java.util.List;
import org.fitsflow.routes.jobs.JobStatus;

/**
 * A row of processing_jobs. {@code outputFiles} are file names inside the job's output folder, the main
 * output first. {@code outboxFolder} is null for uploaded files (no outbox delivery).
 */
public record JobRecord(long id, long sessionId, long fileId, String pipelineName, JobStatus status,
                        double progressPercent, String currentStep, String createdAt, String startedAt,
                        String completedAt, String errorMessage, Boolean gpuUsed, String backend,
                        List<String> outputFiles, String measurementsJson, int attempts, String outboxFolder,
                        String outboxStem, String outputsDeletedAt) {
    public JobRecord {
        outputFiles = List.copyOf(outputFiles);
    }

    public boolean deliversToOutbox() {
        return outboxStem != null;
    }
}
