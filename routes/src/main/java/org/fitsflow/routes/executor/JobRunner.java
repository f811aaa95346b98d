package org.fitsflow.routes.executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.PipelineRunner;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.pipelines.PipelineCatalog;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.JobOutcome;
import org.fitsflow.routes.store.JobRecord;
import org.springframework.stereotype.Component;

/**
 * Runs a job's pipeline on its file into {@code data/jobs/{id}/outputs}. The folder is emptied first,
 * so running a job again (after a restart) replaces its outputs.
 */
@Component
public class JobRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineCatalog pipelines;
    private final ComputeBackend backend;
    private final JobFolders folders;

    public JobRunner(PipelineCatalog pipelines, ComputeBackend backend, JobFolders folders) {
        this.pipelines = pipelines;
        this.backend = backend;
        this.folders = folders;
    }

    /**
     * @throws IOException for an unreadable input (the message says why) or a failed write
     * @throws org.fitsflow.processors.pipeline.PipelineCancelledException when the thread was interrupted
     * @throws InvalidPipelineException when the pipeline is unknown or does not validate
     */
    public JobOutcome run(JobRecord job, FileRecord file, ProgressListener progress) throws IOException {
        PipelineDefinition pipeline = pipelines.find(job.pipelineName())
                .orElseThrow(() -> new InvalidPipelineException("unknown pipeline '" + job.pipelineName() + "'"));
        folders.delete(job.id());
        PipelineResult result = new PipelineRunner(backend)
                .run(Path.of(file.storedPath()), pipeline, folders.outputsDir(job.id()), OutputStem.of(job, file), progress);
        List<String> names = result.outputs().stream().map(p -> p.getFileName().toString()).toList();
        return new JobOutcome(names, result.gpuUsed(), result.backend(), toJson(result));
    }

    private static String toJson(PipelineResult result) {
        try {
            return JSON.writeValueAsString(result.measurements());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("measurements are not JSON-friendly: " + result.measurements(), e);
        }
    }
}
