package org.fitsflow.routes.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.RestretchStore;
import org.fitsflow.routes.worker.JobFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Job rows as the API shows them, with the thumbnails of their JPEG outputs. The thumbnails are the files
 * the JPEG export wrote beside its picture ({@code outputs/thumbnails/}): the folder is their record, so
 * that every executor (in-process, container, Redis worker) reports them alike, and retention, which
 * removes the folder, removes them from the view too.
 */
@Component
public class JobViews {
    private static final Logger LOG = LoggerFactory.getLogger(JobViews.class);

    private final JobFolders folders;
    private final RestretchStore restretches;

    public JobViews(JobFolders folders, RestretchStore restretches) {
        this.folders = folders;
        this.restretches = restretches;
    }

    public JobView of(JobRecord job) {
        Long restretchOf = restretches.find(job.id()).map(RestretchStore.Restretch::sourceJobId).orElse(null);
        return JobView.of(job, thumbnails(job), restretchOf, restretches.keptFor(job.id()).orElse(null));
    }

    public List<JobView> of(List<JobRecord> jobs) {
        return jobs.stream().map(this::of).toList();
    }

    private List<ThumbnailView> thumbnails(JobRecord job) {
        if (job.status() != JobStatus.COMPLETE || job.outputsDeletedAt() != null) {
            return List.of();
        }
        try {
            return folders.thumbnails(job.id()).stream()
                    .map(name -> ThumbnailView.of(job.id(), name, job.outputFiles()))
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            LOG.warn("Cannot list the thumbnails of job {}: {}", job.id(), e.getMessage());
            return List.of();
        }
    }
}
