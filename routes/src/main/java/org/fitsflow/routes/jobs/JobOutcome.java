package org.fitsflow.routes.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.fitsflow.processors.pipeline.PipelineResult;

/**
 * What a complete job leaves, kept on its row: whichever executor ran it, in this process, in a container
 * or on a Redis worker.
 *
 * @param outputFiles      file names inside the job's {@code outputs/} folder, the main output first
 * @param gpuUsed          whether the GPU backend truly ran
 * @param backend          the compute backend's name
 * @param measurementsJson step measurements (star count, FWHM, ...) as a JSON object
 */
public record JobOutcome(List<String> outputFiles, boolean gpuUsed, String backend, String measurementsJson) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public JobOutcome {
        outputFiles = List.copyOf(outputFiles);
    }

    /** The outcome of a pipeline run whose outputs are in the job's outputs folder. */
    public static JobOutcome of(PipelineResult result) throws JsonProcessingException {
        List<String> names = result.outputs().stream().map(p -> p.getFileName().toString()).toList();
        return new JobOutcome(names, result.gpuUsed(), result.backend(), JSON.writeValueAsString(result.measurements()));
    }
}
