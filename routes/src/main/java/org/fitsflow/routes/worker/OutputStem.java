package org.fitsflow.routes.worker;

import java.util.List;
import org.fitsflow.processors.fits.FitsFileName;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.JobRecord;

/**
 * How a job's outputs are named: {@code <file stem>.<pipeline>.<ext>}, or {@code session-<id>.<pipeline>.<ext>}
 * for a job over several files; a job delivered to the outbox by the stem it was given (a night's stack).
 */
public final class OutputStem {
    private OutputStem() {
    }

    public static String of(JobRecord job, List<FileRecord> inputs) {
        if (job.outboxStem() != null) {
            // inbox files keep their own names in the outbox, as the telescope wrote them; a night's its own
            return job.outboxStem();
        }
        return inputs.size() > 1 ? "session-" + job.sessionId() + "." + job.pipelineName() : of(job, inputs.get(0));
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
