package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.fitsflow.routes.store.JobRecord;

/** A {@code progress} event of a job's event stream; {@code current_step} is empty rather than null. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobProgressView(long id, String status, double progressPercent, String currentStep) {
    static JobProgressView of(JobRecord job) {
        return new JobProgressView(job.id(), job.status().wireName(), job.progressPercent(),
                job.currentStep() == null ? "" : job.currentStep());
    }
}
