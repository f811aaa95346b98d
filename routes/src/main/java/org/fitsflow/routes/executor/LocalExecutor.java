package org.fitsflow.routes.executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.Processing;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.io.FolderTree;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.jobs.JobCancelledException;
import org.fitsflow.routes.jobs.JobExecutionException;
import org.fitsflow.routes.jobs.JobExecutor;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobTicket;
import org.fitsflow.routes.uploads.DecodedUploads;

/**
 * {@code fitsflow.executor=local}: runs a ticket's pipeline in the worker's own process, into an emptied
 * outputs folder, so that running a job again replaces its outputs. An upload's image decoded when it was
 * checked is used instead of reading the file again.
 */
public class LocalExecutor implements JobExecutor {
    private final ComputeBackend backend;
    private final Path dataDir;
    private final DecodedUploads decoded;

    public LocalExecutor(ComputeBackend backend, Path dataDir, DecodedUploads decoded) {
        this.backend = backend;
        this.dataDir = dataDir;
        this.decoded = decoded;
    }

    @Override
    public JobOutcome execute(JobTicket ticket, ProgressListener progress)
            throws JobExecutionException, JobCancelledException {
        List<Path> inputs = ticket.inputs(dataDir);
        try {
            FolderTree.delete(ticket.outputsDir(dataDir));
            PipelineResult result = Processing.run(ticket.pipeline(), inputs, ticket.calibration(dataDir), decoded::take, ticket.outputsDir(dataDir),
                    ticket.outputStem(), backend, progress);
            return JobOutcome.of(result);
        } catch (PipelineCancelledException e) {
            throw new JobCancelledException(ticket.jobId());
        } catch (JsonProcessingException e) {
            throw new JobExecutionException("the job's measurements are not JSON-friendly: " + e.getOriginalMessage(), false);
        } catch (IOException | InvalidPipelineException e) {
            // the input or the pipeline is at fault; another attempt fails the same way
            throw new JobExecutionException(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), false);
        } catch (OutOfMemoryError e) {
            throw new JobExecutionException("not enough memory to process " + bytes(inputs) + " bytes of images; "
                    + "give the service or worker more heap (-Xmx) or fewer executor threads", false);
        }
    }

    private static long bytes(List<Path> inputs) {
        long bytes = 0;
        for (Path input : inputs) {
            try {
                bytes += Files.size(input);
            } catch (IOException e) {
                // gone meanwhile: counts nothing
            }
        }
        return bytes;
    }
}
