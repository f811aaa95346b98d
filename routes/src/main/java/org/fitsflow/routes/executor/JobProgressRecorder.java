package org.fitsflow.routes.executor;

import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.store.JobStore;

/** Writes a running job's progress to its row, once per whole percent or new step, not per callback. */
final class JobProgressRecorder implements ProgressListener {
    private final JobStore jobs;
    private final long jobId;
    private int lastPercent = -1;
    private String lastStep;

    JobProgressRecorder(JobStore jobs, long jobId) {
        this.jobs = jobs;
        this.jobId = jobId;
    }

    @Override
    public void onProgress(double percent, String step) {
        int whole = (int) Math.floor(percent);
        if (whole != lastPercent || !step.equals(lastStep)) {
            lastPercent = whole;
            lastStep = step;
            jobs.progress(jobId, percent, step);
        }
    }
}
