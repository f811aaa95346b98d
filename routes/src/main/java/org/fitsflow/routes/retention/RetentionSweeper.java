package org.fitsflow.routes.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fitsflow.processors.export.Thumbnails;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.NightStore;
import org.fitsflow.routes.worker.JobFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Frees the data folder: uploaded files older than {@code uploads-days} and job outputs older than
 * {@code outputs-days} (by the files' modification time) are deleted, and their rows keep the date
 * ({@code deleted_at}, {@code outputs_deleted_at}) so the API can say why a download is gone. Only
 * paths inside {@code data/uploads} and {@code data/jobs} are ever deleted: inbox and outbox belong to
 * the user. The stacks a night or a target's deep stack still shows and builds on (their masters are the deep
 * stack's inputs) are kept whatever their age; once a newer stack replaced one, it ages like any other job.
 */
@Component
public class RetentionSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);

    public record Sweep(int uploadsDeleted, int outputsDeleted) {
    }

    private final FileStore files;
    private final JobStore jobs;
    private final NightStore nights;
    private final JobFolders folders;
    private final Clock clock;
    private final Path uploadsDir;
    private final Duration uploadsAge;
    private final Duration outputsAge;

    public RetentionSweeper(FileStore files, JobStore jobs, NightStore nights, JobFolders folders, Clock clock,
                            FitsflowProperties properties) {
        this.files = files;
        this.jobs = jobs;
        this.nights = nights;
        this.folders = folders;
        this.clock = clock;
        this.uploadsDir = properties.uploadsDir().toAbsolutePath().normalize();
        this.uploadsAge = Duration.ofDays(properties.retention().uploadsDays());
        this.outputsAge = Duration.ofDays(properties.retention().outputsDays());
    }

    public Sweep sweep() {
        Instant now = clock.instant();
        int uploads = 0;
        for (FileRecord file : files.liveUploads()) {
            if (deleteUploadIfOld(file, now.minus(uploadsAge))) {
                uploads++;
            }
        }
        int outputs = 0;
        Set<Long> inUse = Set.copyOf(nights.jobsInUse());
        for (JobRecord job : jobs.finishedWithOutputs()) {
            if (!inUse.contains(job.id()) && deleteOutputsIfOld(job, now.minus(outputsAge))) {
                outputs++;
            }
        }
        if (uploads + outputs > 0) {
            LOG.info("Retention removed {} uploaded files and the outputs of {} jobs", uploads, outputs);
        }
        return new Sweep(uploads, outputs);
    }

    private boolean deleteUploadIfOld(FileRecord file, Instant cutoff) {
        Path stored = Path.of(file.storedPath()).toAbsolutePath().normalize();
        if (!stored.startsWith(uploadsDir)) {
            LOG.warn("File {} is outside the uploads folder ({}); retention leaves it alone", file.id(), stored);
            return false;
        }
        try {
            if (Files.exists(stored) && Files.getLastModifiedTime(stored).toInstant().isAfter(cutoff)) {
                return false;
            }
            Files.deleteIfExists(stored);
            files.markDeleted(file.id());
            return true;
        } catch (IOException e) {
            LOG.warn("Retention could not delete {}: {}", stored, e.getMessage());
            return false;
        }
    }

    private boolean deleteOutputsIfOld(JobRecord job, Instant cutoff) {
        try {
            Optional<Instant> newest = newestModification(folders.jobDir(job.id()));
            if (newest.isPresent() && newest.get().isAfter(cutoff)) {
                return false;
            }
            folders.delete(job.id());
            jobs.markOutputsDeleted(job.id());
            return true;
        } catch (IOException e) {
            LOG.warn("Retention could not delete the outputs of job {}: {}", job.id(), e.getMessage());
            return false;
        }
    }

    /** The job's own files decide its age; thumbnails are made from them and may be made again later. */
    private static Optional<Instant> newestModification(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().getFileName().toString().equals(Thumbnails.FOLDER))
                    .map(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toInstant();
                        } catch (IOException e) {
                            return Instant.MAX;
                        }
                    })
                    .max(Comparator.naturalOrder());
        }
    }
}
