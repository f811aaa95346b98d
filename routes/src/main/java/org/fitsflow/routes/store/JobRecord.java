package org.fitsflow.routes.store;

import java.util.List;
import org.fitsflow.routes.jobs.JobStatus;

/**
 * A row of processing_jobs. {@code outputFiles} are file names inside the job's output folder, the main
 * output first. {@code outboxFolder} is null for uploaded files (no outbox delivery). {@code inputFileIds}
 * are the files the job runs on: the job's own file, or several for a pipeline over a set of subs.
 * {@code outboxThumbnail}: the longest side of the thumbnail delivered beside each JPEG, null for none.
 */
public record JobRecord(long id, long sessionId, long fileId, String pipelineName, JobStatus status,
                        double progressPercent, String currentStep, String createdAt, String startedAt,
                        String completedAt, String errorMessage, Boolean gpuUsed, String backend,
                        List<String> outputFiles, String measurementsJson, int attempts, String outboxFolder,
                        String outboxStem, String outputsDeletedAt, List<Long> inputFileIds,
                        Integer outboxThumbnail) {
    public JobRecord {
        outputFiles = List.copyOf(outputFiles);
        inputFileIds = List.copyOf(inputFileIds);
    }

    public boolean deliversToOutbox() {
        return outboxStem != null;
    }
}
