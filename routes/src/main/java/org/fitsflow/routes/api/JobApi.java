package org.fitsflow.routes.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.worker.JobCancellation;
import org.fitsflow.routes.worker.JobFolders;
import org.springframework.stereotype.Component;

/** The job operations of {@code /api/process/jobs}; called by the REST routes. */
@Component
public class JobApi {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "tif", "image/tiff", "tiff", "image/tiff",
            "fit", "application/fits", "fits", "application/fits", "json", "application/json", "csv", "text/csv");

    private final JobStore jobs;
    private final JobFolders folders;
    private final JobCancellation cancellation;
    private final JobViews views;

    public JobApi(JobStore jobs, JobFolders folders, JobCancellation cancellation, JobViews views) {
        this.jobs = jobs;
        this.views = views;
        this.folders = folders;
        this.cancellation = cancellation;
    }

    /** Most recent first; {@code limit} as given in the query (null: 50). */
    public List<JobView> list(String limit) {
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit must be a whole number, got '" + limit + "'");
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + n);
            }
        }
        return views.of(jobs.list(n));
    }

    public JobView get(long id) {
        return views.of(existing(id));
    }

    /** The main output, or the output named by {@code file}: only names among the job's outputs are served. */
    public DownloadFile download(long id, String file) {
        JobRecord job = existing(id);
        if (job.status() != JobStatus.COMPLETE) {
            throw ApiException.conflict("job " + id + " is " + job.status().wireName() + ", not complete; nothing to download yet");
        }
        if (job.outputsDeletedAt() != null) {
            throw new ApiException(410, "gone", "the outputs of job " + id + " were removed by retention on " + job.outputsDeletedAt());
        }
        String name = file == null || file.isBlank() ? job.outputFiles().get(0) : file;
        if (!job.outputFiles().contains(name)) {
            throw new ApiException(404, "not found", "job " + id + " has no output '" + name + "'; its outputs: " + job.outputFiles());
        }
        var path = folders.output(id, name)
                .orElseThrow(() -> new ApiException(404, "not found", "output '" + name + "' of job " + id + " is missing on disk"));
        return new DownloadFile(path, contentType(name), name);
    }

    public JobView cancel(long id) {
        JobRecord job = existing(id);
        if (!cancellation.cancel(id)) {
            JobStatus now = jobs.find(id).map(JobRecord::status).orElse(job.status());
            throw ApiException.conflict("job " + id + " is already " + now.wireName());
        }
        return views.of(existing(id));
    }

    private JobRecord existing(long id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("job", id));
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
