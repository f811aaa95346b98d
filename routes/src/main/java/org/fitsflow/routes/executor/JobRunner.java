package org.fitsflow.routes.executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.Processing;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.pipelines.PipelineCatalog;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.uploads.DecodedUploads;
import org.fitsflow.routes.worker.JobFolders;
import org.fitsflow.routes.worker.OutputStem;
import org.springframework.stereotype.Component;

/**
 * Runs a job's pipeline on its file or files into {@code data/jobs/{id}/outputs}.
 * The folder is emptied first, so running a job again (after a restart) replaces its outputs. The docker
 * executor overrides {@link #run(JobRecord, List, ProgressListener)} to run every job in a container.
 */
@Component
public class JobRunner {
    private final PipelineCatalog pipelines;
    private final ComputeBackend backend;
    private final JobFolders folders;
    private final DecodedUploads decoded;

    public JobRunner(PipelineCatalog pipelines, ComputeBackend backend, JobFolders folders, DecodedUploads decoded) {
        this.pipelines = pipelines;
        this.backend = backend;
        this.folders = folders;
        this.decoded = decoded;
    }

    /**
     * Runs the job on its inputs ({@link Processing} decides between one file and a set of subs); the image
     * of an upload decoded when it was checked is used instead of reading the file again.
     *
     * @throws IOException for an unreadable input (the message says why) or a failed write
     * @throws org.fitsflow.processors.pipeline.PipelineCancelledException when the thread was interrupted
     * @throws InvalidPipelineException when the pipeline is unknown or does not validate
     */
    public JobOutcome run(JobRecord job, List<FileRecord> inputs, ProgressListener progress) throws IOException {
        PipelineDefinition pipeline = pipeline(job);
        folders.delete(job.id());
        List<Path> files = inputs.stream().map(f -> Path.of(f.storedPath())).toList();
        PipelineResult result = Processing.run(pipeline, files, decoded::take, folders.outputsDir(job.id()),
                OutputStem.of(job, inputs), backend, progress);
        return outcome(result);
    }

    private PipelineDefinition pipeline(JobRecord job) {
        return pipelines.find(job.pipelineName())
                .orElseThrow(() -> new InvalidPipelineException("unknown pipeline '" + job.pipelineName() + "'"));
    }

    private static JobOutcome outcome(PipelineResult result) {
        try {
            return JobOutcome.of(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("measurements are not JSON-friendly: " + result.measurements(), e);
        }
    }
}
