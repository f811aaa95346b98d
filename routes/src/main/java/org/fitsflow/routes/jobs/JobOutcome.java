package org.fitsflow.routes.jobs;

import java.util.List;

/** What a finished run leaves on the job row. */
public record JobOutcome(List<String> outputFiles, boolean gpuUsed, String backend, String measurementsJson) {
    public JobOutcome {
        outputFiles = List.copyOf(outputFiles);
    }
}
