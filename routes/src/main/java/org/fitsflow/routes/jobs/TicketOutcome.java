package org.fitsflow.routes.jobs;

import java.util.List;

/**
 * What a finished job left in its {@code outputs/} folder and how it ran.
 *
 * @param outputFiles      file names inside the outputs folder, the main output first
 * @param gpuUsed          whether the GPU backend truly ran
 * @param backend          the compute backend's name
 * @param measurementsJson step measurements (star count, FWHM, ...) as a JSON object
 */
public record TicketOutcome(List<String> outputFiles, boolean gpuUsed, String backend, String measurementsJson) {
    public TicketOutcome {
        outputFiles = List.copyOf(outputFiles);
    }
}
