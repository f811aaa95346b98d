package org.fitsflow.routes.executor.docker;

import java.io.IOException;
import java.util.List;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.executor.JobRunner;
import org.fitsflow.routes.jobs.JobCancelledException;
import org.fitsflow.routes.jobs.JobExecutionException;
import org.fitsflow.routes.jobs.JobExecutor;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.pipelines.PipelineCatalog;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.uploads.DecodedUploads;
import org.fitsflow.routes.worker.JobFolders;
import org.fitsflow.routes.worker.JobTicketFactory;

/**
 * {@code fitsflow.executor=docker} with the in-process queue: the in-process executor's threads hand
 * each job to a container instead of running the pipeline themselves. Failures and cancels come back
 * in the forms the in-process executor already handles.
 */
public class ContainerJobRunner extends JobRunner {
    private final JobFolders folders;
    private final JobTicketFactory tickets;
    private final JobExecutor containers;

    public ContainerJobRunner(PipelineCatalog pipelines, ComputeBackend backend, JobFolders folders,
                              DecodedUploads decoded, JobTicketFactory tickets, JobExecutor containers) {
        super(pipelines, backend, folders, decoded);
        this.folders = folders;
        this.tickets = tickets;
        this.containers = containers;
    }

    /** Every pipeline, over one file or a set of subs, runs in the job's container. */
    @Override
    public JobOutcome run(JobRecord job, List<FileRecord> inputs, ProgressListener progress) throws IOException {
        try {
            return containers.execute(tickets.ticketFor(job), progress);
        } catch (JobExecutionException e) {
            throw new IOException(e.getMessage(), e);
        } catch (JobCancelledException e) {
            throw new PipelineCancelledException();
        } finally {
            folders.deleteStagedInputs(job.id());
        }
    }
}
