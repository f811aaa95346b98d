package org.fitsflow.routes.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fitsflow.processors.export.Thumbnails;
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

    /** The thumbnail of that name, when the name is a plain file name and the file exists in the job's thumbnails folder. */
    public Optional<Path> thumbnail(long jobId, String name) {
        Path dir = thumbnailsDir(jobId);
        Path file = dir.resolve(name).normalize();
        if (!dir.equals(file.getParent()) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** The names of the job's thumbnails in name order; none before the job has written any. */
    public List<String> thumbnails(long jobId) throws IOException {
        Path dir = thumbnailsDir(jobId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path thumbnailsDir(long jobId) {
        return outputsDir(jobId).resolve(Thumbnails.FOLDER);
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
