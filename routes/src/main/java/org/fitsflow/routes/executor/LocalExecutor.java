package org.fitsflow.routes.executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import org.fitsflow.processors.Processing;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.jobs.JobCancelledException;
import org.fitsflow.routes.jobs.JobExecutionException;
import org.fitsflow.routes.jobs.JobExecutor;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobTicket;

/**
 * Runs a ticket's pipeline in this process: {@code fitsflow.executor=local} behind the Redis queue.
 */
public class LocalExecutor implements JobExecutor {
    private final ComputeBackend backend;
    private final Path dataDir;

    public LocalExecutor(ComputeBackend backend, Path dataDir) {
        this.backend = backend;
        this.dataDir = dataDir;
    }

    @Override
    public JobOutcome execute(JobTicket ticket, ProgressListener progress)
            throws JobExecutionException, JobCancelledException {
        try {
            PipelineResult result = Processing.run(ticket.pipeline(), ticket.inputs(dataDir), ticket.outputsDir(dataDir),
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
            throw new JobExecutionException("not enough memory to process this image; give the worker more heap (-Xmx) "
                    + "or fewer executor threads", false);
        }
    }
}
