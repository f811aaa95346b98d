package org.fitsflow.routes.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.pipelines.PipelineCatalog;
import org.fitsflow.routes.queue.JobQueue;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.HeaderJson;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.SessionRecord;
import org.fitsflow.routes.store.SessionStore;
import org.fitsflow.routes.worker.JobCancellation;
import org.fitsflow.routes.worker.JobFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The session operations of {@code /api/process/sessions}; called by the REST routes. */
@Component
public class SessionApi {
    private static final Logger LOG = LoggerFactory.getLogger(SessionApi.class);
    private static final int MAX_NAME = 200;
    private static final int LIST_LIMIT = 500;

    private final SessionStore sessions;
    private final FileStore files;
    private final JobStore jobs;
    private final PipelineCatalog pipelines;
    private final JobQueue queue;
    private final HeaderJson headerJson;
    private final TransactionTemplate transactions;
    private final JobCancellation cancellation;
    private final JobFolders folders;
    private final JobViews views;
    private final Path uploadsDir;

    public SessionApi(SessionStore sessions, FileStore files, JobStore jobs, PipelineCatalog pipelines, JobQueue queue,
                      HeaderJson headerJson, TransactionTemplate transactions, JobCancellation cancellation,
                      JobFolders folders, JobViews views, FitsflowProperties properties) {
        this.sessions = sessions;
        this.files = files;
        this.jobs = jobs;
        this.pipelines = pipelines;
        this.queue = queue;
        this.headerJson = headerJson;
        this.transactions = transactions;
        this.cancellation = cancellation;
        this.folders = folders;
        this.views = views;
        this.uploadsDir = properties.uploadsDir().toAbsolutePath().normalize();
    }

    public SessionView create(CreateSessionRequest request) {
        if (request == null || request.sessionName() == null || request.sessionName().isBlank()) {
            throw ApiException.badRequest("session_name is required");
        }
        String name = request.sessionName().strip();
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest("session_name is longer than " + MAX_NAME + " characters");
        }
        return SessionView.of(sessions.createUploadSession(name));
    }

    public List<SessionView> list() {
        return sessions.list(LIST_LIMIT).stream().map(SessionView::of).toList();
    }

    public SessionDetailView get(long id) {
        SessionRecord session = existing(id);
        List<FileView> fileViews = files.listBySession(id).stream().map(this::fileView).toList();
        List<JobView> jobViews = views.of(jobs.listBySession(id));
        return SessionDetailView.of(SessionView.of(session), fileViews, jobViews);
    }

    /**
     * Deletes the session: its unfinished jobs are cancelled first (running work stops), then the rows,
     * then what the session left in the data folder. Inbox files themselves are never deleted.
     */
    public DeletedView delete(long id) {
        existing(id);
        List<JobRecord> sessionJobs = jobs.listBySession(id);
        sessionJobs.stream().filter(j -> !j.status().isTerminal()).forEach(j -> cancellation.cancel(j.id()));
        List<FileRecord> sessionFiles = files.listBySession(id);
        sessions.delete(id);
        for (JobRecord job : sessionJobs) {
            quietly(() -> folders.delete(job.id()));
        }
        sessionFiles.stream()
                .filter(f -> f.inboxPath() == null)
                .map(f -> Path.of(f.storedPath()).toAbsolutePath().normalize())
                .filter(p -> p.startsWith(uploadsDir))
                .forEach(p -> quietly(() -> Files.deleteIfExists(p)));
        return DeletedView.of(id);
    }

    private interface FileAction {
        void run() throws IOException;
    }

    private static void quietly(FileAction action) {
        try {
            action.run();
        } catch (IOException e) {
            // the rows are gone; a file left behind is removed by retention
            LOG.warn("Could not remove a file of a deleted session: {}", e.getMessage());
        }
    }

    public SessionView finalizeUploads(long id) {
        SessionRecord session = existing(id);
        if (!sessions.finalizeUploads(id)) {
            throw ApiException.conflict("session " + id + " is already " + session.status());
        }
        return SessionView.of(existing(id));
    }

    /**
     * One job per file of the session, or one job over all its files for the pipelines that take a set
     * of subs (a {@code subs} key, as analyze_subs and stack_subs have); {@link QueuedJobsView} says which.
     * Refused, nothing queued, when the session is still uploading, has no usable file, or holds only
     * calibration frames for a pipeline over a set of subs (they calibrate subs; alone there is nothing to stack).
     */
    public QueuedJobsView process(long id, ProcessRequest request) {
        SessionRecord session = existing(id);
        if (request == null || request.pipelineName() == null || request.pipelineName().isBlank()) {
            throw ApiException.badRequest("pipeline_name is required; known pipelines: " + pipelines.names());
        }
        String pipeline = request.pipelineName();
        PipelineDefinition definition = pipelines.find(pipeline).orElseThrow(() ->
                ApiException.badRequest("unknown pipeline '" + pipeline + "'; known pipelines: " + pipelines.names()));
        if (session.isUploading()) {
            throw ApiException.conflict("session " + id + " is still uploading; finalize it first");
        }
        List<FileRecord> usable = files.listBySession(id).stream()
                .filter(f -> f.deletedAt() == null && f.invalidReason() == null).toList();
        if (usable.isEmpty()) {
            throw ApiException.conflict("session " + id + " has no files to process");
        }
        boolean overSession = definition.overSubs();
        if (overSession && usable.stream().allMatch(FileRecord::isCalibrationFrame)) {
            throw ApiException.conflict("session " + id + " has calibration frames (" + countsByType(usable)
                    + ") but no lights or frames for " + pipeline + " to process; upload the subs with file_type light");
        }
        List<JobRecord> created = transactions.execute(status -> overSession
                ? List.of(jobs.insertOverFiles(id, usable.stream().map(FileRecord::id).toList(), pipeline))
                : usable.stream().map(f -> jobs.insert(id, f.id(), pipeline)).toList());
        created.forEach(job -> queue.submit(job.id()));

        return QueuedJobsView.of(pipeline, overSession, views.of(created));
    }

    /** {@code 2 dark, 1 flat}: how many files of each type, types in alphabetical order. */
    private static String countsByType(List<FileRecord> files) {
        Map<String, Long> counts = files.stream().collect(Collectors.groupingBy(FileRecord::fileType, TreeMap::new,
                Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    SessionRecord existing(long id) {
        return sessions.find(id).orElseThrow(() -> ApiException.notFound("session", id));
    }

    FileView fileView(FileRecord f) {
        return new FileView(f.id(), f.sessionId(), f.originalName(), f.fileType(), f.sizeBytes(),
                headerJson.summary(f.headerJson()), f.invalidReason(), f.inboxPath(), f.createdAt(), f.deletedAt());
    }
}
