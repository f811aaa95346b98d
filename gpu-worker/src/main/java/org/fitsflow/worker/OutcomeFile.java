package org.fitsflow.worker;

import java.util.List;
import java.util.Map;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.pipeline.PipelineResult;

/**
 * {@code result.json}: how one job ended ({@link JobEnd}), with its outcome when complete. {@code outputs} are file names in the job's
 * {@code outputs/} folder, the first being the main output; {@code error} is a reason for users, set when
 * the job did not complete; {@code header} is the input's header summary when it could be read.
 */
public record OutcomeFile(String jobId, JobEnd status, List<String> outputs, boolean gpuUsed, String backend,
                          String error, HeaderSummary header, Map<String, Object> measurements) {

    static OutcomeFile complete(String jobId, PipelineResult result) {
        return new OutcomeFile(jobId, JobEnd.COMPLETE,
                result.outputs().stream().map(p -> p.getFileName().toString()).toList(),
                result.gpuUsed(), result.backend(), null, result.input(), result.measurements());
    }

    static OutcomeFile ended(String jobId, JobEnd status, String backend, String error) {
        return new OutcomeFile(jobId, status, List.of(), false, backend, error, null, Map.of());
    }
}
