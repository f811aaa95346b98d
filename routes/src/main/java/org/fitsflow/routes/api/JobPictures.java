package org.fitsflow.routes.api;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.RestretchStore;
import org.fitsflow.routes.worker.JobFolders;
import org.springframework.stereotype.Component;

/**
 * The addresses of a finished job's files as the targets API gives them: each output with its download address, and its
 * main JPEG as a picture (thumbnail 320 px, preview 1080 px, the JPEG itself), or the kept re-stretch's. A job that is not complete, or whose
 * outputs retention removed, has none.
 */
@Component
public class JobPictures {
    private static final String JOBS = "/api/process/jobs/";

    private final JobFolders folders;
    private final JobStore jobs;
    private final RestretchStore restretches;

    public JobPictures(JobFolders folders, JobStore jobs, RestretchStore restretches) {
        this.folders = folders;
        this.jobs = jobs;
        this.restretches = restretches;
    }

    public static boolean hasOutputs(JobRecord job) {
        return job.status() == JobStatus.COMPLETE && job.outputsDeletedAt() == null;
    }

    public List<OutputView> outputs(JobRecord job) {
        List<OutputView> outputs = new ArrayList<>();
        if (!hasOutputs(job)) {
            return outputs;
        }
        for (String name : job.outputFiles()) {
            long size = folders.output(job.id(), name).map(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0L;
                }
            }).orElse(0L);
            outputs.add(new OutputView(name, size, download(job.id(), name)));
        }
        return outputs;
    }

    /**
     * The job's first JPEG output in its three sizes; the kept re-stretch's instead, when the user kept one for
     * this job and its outputs are still there.
     */
    public Optional<PictureView> picture(JobRecord job) {
        JobRecord shown = restretches.keptFor(job.id()).flatMap(jobs::find).filter(JobPictures::hasOutputs).orElse(job);
        return firstWith(shown, ".jpg").map(name -> {
            String stem = name.substring(0, name.length() - ".jpg".length());
            return new PictureView(thumbnail(shown.id(), stem, 320), thumbnail(shown.id(), stem, 1080), download(shown.id(), name));
        });
    }

    /** The download address of the job's first output with this extension (".json", ".png"). */
    public Optional<String> first(JobRecord job, String extension) {
        return firstWith(job, extension).map(name -> download(job.id(), name));
    }

    private static Optional<String> firstWith(JobRecord job, String extension) {
        if (!hasOutputs(job)) {
            return Optional.empty();
        }
        return job.outputFiles().stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith(extension)).findFirst();
    }

    private static String thumbnail(long jobId, String stem, int side) {
        return JOBS + jobId + "/thumbnails/" + encode(stem + "." + side + ".jpg");
    }

    private static String download(long jobId, String name) {
        return JOBS + jobId + "/download?file=" + encode(name);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
