package org.fitsflow.routes.executor.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.jobs.JobTicket;

/**
 * One job's trip through the docker route: the ticket, where its folder is (for this process and for
 * the Docker daemon), who hears its progress, and the container's last error lines once it ended.
 */
public final class ContainerRun {
    private final JobTicket ticket;
    private final Path jobDir;
    private final Path hostJobDir;
    private final ProgressListener progress;
    private final String namePrefix;
    private final List<String> errorTail = new ArrayList<>();

    /** @param namePrefix the job's container name prefix ({@link ContainerNames}) */
    public ContainerRun(JobTicket ticket, Path jobDir, Path hostJobDir, ProgressListener progress, String namePrefix) {
        this.ticket = ticket;
        this.jobDir = jobDir;
        this.hostJobDir = hostJobDir;
        this.progress = progress;
        this.namePrefix = namePrefix;
    }

    public JobTicket ticket() {
        return ticket;
    }

    public Path jobDir() {
        return jobDir;
    }

    public Path hostJobDir() {
        return hostJobDir;
    }

    public ProgressListener progress() {
        return progress;
    }

    /** The container's last stderr lines, oldest first. */
    public List<String> errorTail() {
        return errorTail;
    }

    /** Containers of this job, of any attempt, start with it. */
    public String namePrefix() {
        return namePrefix;
    }
}
