package org.fitsflow.routes.jobs;

import org.fitsflow.processors.pipeline.ProgressListener;

/**
 * Runs one job ticket: in this process, or in a container. Writes the outputs into the job's
 * {@code outputs/} folder and reports progress while it runs. An interrupt of the calling thread stops
 * the job and ends in {@link JobCancelledException}.
 */
public interface JobExecutor {
    JobOutcome execute(JobTicket ticket, ProgressListener progress)
            throws JobExecutionException, JobCancelledException;
}
