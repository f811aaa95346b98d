package org.fitsflow.routes.executor.docker;

import java.nio.file.Path;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.executor.docker.ContainerEnd.Cancelled;
import org.fitsflow.routes.executor.docker.ContainerEnd.Completed;
import org.fitsflow.routes.executor.docker.ContainerEnd.Failed;
import org.fitsflow.routes.jobs.JobCancelledException;
import org.fitsflow.routes.jobs.JobExecutionException;
import org.fitsflow.routes.jobs.JobExecutor;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobTicket;

/** {@code fitsflow.executor=docker}: runs each ticket in its own container through the docker route. */
public class DockerExecutor implements JobExecutor {
    private final ProducerTemplate template;
    private final Path dataDir;
    private final Path hostDataDir;

    public DockerExecutor(ProducerTemplate template, Path dataDir, DockerExecutorSettings settings) {
        this.template = template;
        this.dataDir = dataDir;
        this.hostDataDir = settings.hostDataDir() == null ? dataDir : settings.hostDataDir();
    }

    @Override
    public JobOutcome execute(JobTicket ticket, ProgressListener progress)
            throws JobExecutionException, JobCancelledException {
        ContainerRun run = new ContainerRun(ticket, ticket.jobDir(dataDir).toAbsolutePath(),
                ticket.jobDir(hostDataDir).toAbsolutePath(), progress, ContainerNames.prefix(hostDataDir, ticket.jobId()));
        ContainerEnd result;
        try {
            result = template.requestBody(DockerJobRoute.ENDPOINT, run, ContainerEnd.class);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // the daemon refused or is away (no image, no socket): worth another attempt once fixed
            throw new JobExecutionException("the job container could not be run: " + describe(cause), true);
        }
        if (result instanceof Completed completed) {
            return completed.outcome();
        }
        if (result instanceof Failed failed) {
            throw new JobExecutionException(failed.reason(), failed.retryable());
        }
        if (result instanceof Cancelled) {
            throw new JobCancelledException(ticket.jobId());
        }
        throw new JobExecutionException("the docker route returned no result for job " + ticket.jobId(), true);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }
}
