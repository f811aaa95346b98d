package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answer to processing a session: at the top level the first job's fields (so that one job reads like a
 * job), all jobs in {@code jobs}, and {@code jobs_per}: {@code file} (one job per file) or {@code session} (one
 * job over all files, for a pipeline over a set of subs).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueuedJobsView(long id, String status, double progressPercent, Boolean gpuUsed, String pipelineName,
                             String jobsPer, List<JobView> jobs) {
    static QueuedJobsView of(String pipelineName, boolean overSession, List<JobView> jobs) {
        JobView first = jobs.get(0);
        return new QueuedJobsView(first.id(), first.status(), first.progressPercent(), first.gpuUsed(), pipelineName,
                overSession ? "session" : "file", List.copyOf(jobs));
    }
}
