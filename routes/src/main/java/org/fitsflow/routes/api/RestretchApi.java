package org.fitsflow.routes.api;

import java.io.IOException;
import java.util.Map;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.routes.restretch.RestretchRefusedException;
import org.fitsflow.routes.restretch.RestretchSettings;
import org.fitsflow.routes.restretch.Restretcher;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.springframework.stereotype.Component;

/** {@code POST /jobs/{id}/restretch} and {@code POST /jobs/{id}/keep}; called by the REST routes. */
@Component
public class RestretchApi {
    private final JobStore jobs;
    private final Restretcher restretcher;
    private final JobViews views;

    public RestretchApi(JobStore jobs, Restretcher restretcher, JobViews views) {
        this.jobs = jobs;
        this.restretcher = restretcher;
        this.views = views;
    }

    /** The queued re-stretch; 400 for settings the stretch refuses, 409 when the job has nothing to stretch now. */
    public JobView restretch(long id, Map<String, Object> request) throws IOException {
        JobRecord job = existing(id);
        RestretchSettings settings;
        try {
            settings = RestretchSettings.of(request);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid settings", e.getMessage());
        }
        try {
            return views.of(restretcher.restretch(job, settings));
        } catch (InvalidPipelineException e) {
            throw new ApiException(400, "invalid settings", e.getMessage().replaceFirst("^step 1: ", ""));
        } catch (RestretchRefusedException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    /** The job whose preview changed: the re-stretch's source, or the job itself when it is no re-stretch. */
    public JobView keep(long id) {
        try {
            return views.of(existing(restretcher.keep(existing(id))));
        } catch (RestretchRefusedException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private JobRecord existing(long id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("job", id));
    }
}
