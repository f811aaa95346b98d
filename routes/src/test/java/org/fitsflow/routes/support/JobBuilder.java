package org.fitsflow.routes.support;

import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;

/**
 * A job row for tests, built by name: {@code aQueuedJob().forFile(file).forPipeline("full_dso").insertInto(jobs)}.
 * Unnamed, the pipeline is {@code quick_dso} and nothing goes to the outbox (an uploaded file's job).
 */
public final class JobBuilder {
    private long sessionId;
    private long fileId;
    private String pipelineName = "quick_dso";
    private String outboxFolder;
    private String outboxStem;

    private JobBuilder() {
    }

    public static JobBuilder aQueuedJob() {
        return new JobBuilder();
    }

    /** The job of that file, in the file's session. */
    public JobBuilder forFile(FileRecord file) {
        this.sessionId = file.sessionId();
        this.fileId = file.id();
        return this;
    }

    public JobBuilder forPipeline(String name) {
        this.pipelineName = name;
        return this;
    }

    /** An inbox file's job: its outputs go to {@code outbox/<folder>/<stem>.<ext>}. */
    public JobBuilder deliveredTo(String folder, String stem) {
        this.outboxFolder = folder;
        this.outboxStem = stem;
        return this;
    }

    public JobRecord insertInto(JobStore jobs) {
        return outboxStem == null ? jobs.insert(sessionId, fileId, pipelineName)
                : jobs.insert(sessionId, fileId, pipelineName, outboxFolder, outboxStem);
    }
}
