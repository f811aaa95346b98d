package org.fitsflow.routes.executor;

import org.fitsflow.routes.jobs.FitsFileName;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.JobRecord;

/** How a job's outputs are named: {@code <file stem>.<pipeline>.<ext>}. */
public final class OutputStem {
    private OutputStem() {
    }

    public static String of(JobRecord job, FileRecord file) {
        if (job.outboxStem() != null) {
            // inbox files keep their own names in the outbox, as the telescope wrote them
            return job.outboxStem();
        }
        String stem = FitsFileName.of(file.originalName()).safeStem();
        return (stem.isEmpty() ? "job-" + job.id() : stem) + "." + job.pipelineName();
    }
}
