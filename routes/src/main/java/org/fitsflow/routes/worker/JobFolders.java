package org.fitsflow.routes.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fitsflow.processors.io.FolderTree;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.jobs.JobTicket;
import org.springframework.stereotype.Component;

/**
 * Where a job's files live: {@code data/jobs/{id}/outputs}, and {@code data/jobs/{id}/input} for the inputs
 * staged for a worker on another host or a container (see {@link JobTicket}).
 */
@Component
public class JobFolders {
    private final Path jobsDir;

    public JobFolders(FitsflowProperties properties) {
        this.jobsDir = properties.jobsDir().toAbsolutePath().normalize();
    }

    public Path jobDir(long jobId) {
        return jobsDir.resolve(Long.toString(jobId));
    }

    public Path outputsDir(long jobId) {
        return jobDir(jobId).resolve(JobTicket.OUTPUT_FOLDER);
    }

    public Path inputDir(long jobId) {
        return jobDir(jobId).resolve(JobTicket.INPUT_FOLDER);
    }

    /** The output of that name, when the name is a plain file name (no path) and the file exists. */
    public Optional<Path> output(long jobId, String name) {
        Path dir = outputsDir(jobId);
        Path file = dir.resolve(name).normalize();
        if (!file.getParent().equals(dir) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** Once the job has ended: its outputs stay, the staged copies of its inputs go. */
    public void deleteStagedInputs(long jobId) throws IOException {
        FolderTree.delete(inputDir(jobId));
    }

    /** Removes the job's folder with everything in it; a re-run starts from an empty folder. */
    public void delete(long jobId) throws IOException {
        FolderTree.delete(jobDir(jobId));
    }
}
