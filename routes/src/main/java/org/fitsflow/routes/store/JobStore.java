package org.fitsflow.routes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fitsflow.routes.jobs.IllegalJobTransitionException;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobStatus;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * processing_jobs and its audit trail processing_job_events. Every status change reads the job's state and
 * moves it in one transaction, only from a state {@link JobStatus} allows: of two racing changes (a cancel
 * and a completion) exactly one wins. A move from a named state the state machine forbids is refused before
 * the database is asked; fail and cancel without one take their allowed states from {@link JobStatus}. The
 * change that ends a job is told to the {@link JobEndListener} once it is written.
 */
@Repository
@DependsOn("schemaMigrator")
public class JobStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JobChanges changes;
    private final JobEndListener ends;

    public JobStore(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, JobChanges changes, JobEndListener ends) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.changes = changes;
        this.ends = ends;
    }

    /** A new queued job of an uploaded file: its outputs are downloaded, not delivered. */
    public JobRecord insert(long sessionId, long fileId, String pipelineName) {
        return insert(sessionId, fileId, List.of(), pipelineName, null, null, null);
    }

    /** A new queued job of an inbox file, its outputs delivered to {@code outbox/<outboxFolder>/<outboxStem>.<ext>}. */
    public JobRecord insert(long sessionId, long fileId, String pipelineName, String outboxFolder, String outboxStem) {
        return insert(sessionId, fileId, List.of(), pipelineName, outboxFolder, outboxStem, null);
    }

    /** A new queued job over several files of a session (a pipeline that takes a set of subs). */
    public JobRecord insertOverFiles(long sessionId, List<Long> fileIds, String pipelineName) {
        return insert(sessionId, fileIds.get(0), fileIds, pipelineName, null, null, null);
    }

    /**
     * A new queued job over several files whose outputs are delivered to {@code outbox/<outboxFolder>/<outboxStem>.<ext>},
     * each JPEG with its thumbnail of {@code thumbnailSide} beside it (a night's or a target's stack).
     */
    public JobRecord insertDelivered(long sessionId, List<Long> fileIds, String pipelineName, String outboxFolder,
                                     String outboxStem, int thumbnailSide) {
        return insert(sessionId, fileIds.get(0), fileIds, pipelineName, outboxFolder, outboxStem, thumbnailSide);
    }

    private JobRecord insert(long sessionId, long fileId, List<Long> inputFileIds, String pipelineName, String outboxFolder,
                             String outboxStem, Integer thumbnailSide) {
        return transactions.execute(status -> {
            String now = now();
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(c -> {
                var ps = c.prepareStatement("INSERT INTO processing_jobs (session_id, file_id, pipeline_name, status, "
                        + "created_at, outbox_folder, outbox_stem, input_file_ids, outbox_thumbnail) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)",
                        new String[] {"id"});
                ps.setLong(1, sessionId);
                ps.setLong(2, fileId);
                ps.setString(3, pipelineName);
                ps.setString(4, now);
                ps.setString(5, outboxFolder);
                ps.setString(6, outboxStem);
                ps.setString(7, inputFileIds.isEmpty() ? null : toJson(inputFileIds));
                ps.setObject(8, thumbnailSide);
                return ps;
            }, key);
            long id = key.getKey().longValue();
            recordEvent(id, null, JobStatus.QUEUED, now, null);
            return find(id).orElseThrow();
        });
    }

    public Optional<JobRecord> find(long id) {
        return jdbc.query("SELECT * FROM processing_jobs WHERE id = ?", JobStore::map, id).stream().findFirst();
    }

    /** Most recent first. */
    public List<JobRecord> list(int limit) {
        return jdbc.query("SELECT * FROM processing_jobs ORDER BY created_at DESC, id DESC LIMIT ?", JobStore::map, limit);
    }

    public List<JobRecord> listBySession(long sessionId) {
        return jdbc.query("SELECT * FROM processing_jobs WHERE session_id = ? ORDER BY id", JobStore::map, sessionId);
    }

    public List<JobRecord> listByFile(long fileId) {
        return jdbc.query("SELECT * FROM processing_jobs WHERE file_id = ? ORDER BY id", JobStore::map, fileId);
    }

    /** Ids of the jobs in any of the given states, oldest first. */
    public List<Long> idsIn(JobStatus... statuses) {
        String marks = String.join(", ", java.util.Collections.nCopies(statuses.length, "?"));
        Object[] names = Arrays.stream(statuses).map(JobStatus::wireName).toArray();
        return jdbc.queryForList("SELECT id FROM processing_jobs WHERE status IN (" + marks + ") ORDER BY id", Long.class, names);
    }

    /** queued -> running; false when the job was not queued (e.g. cancelled meanwhile). */
    public boolean start(long id) {
        return transition(id, checked(id, JobStatus.QUEUED, JobStatus.RUNNING), JobStatus.RUNNING, state -> null,
                "started_at = ?, attempts = attempts + 1, progress_percent = 0, current_step = NULL", state -> new Object[] {now()});
    }

    /**
     * A job found running at start-up was interrupted by the end of the previous process: it runs again
     * from the beginning. Its status stays running (no backwards move); the event records the restart.
     */
    public boolean restart(long id) {
        return transactions.execute(status -> {
            String now = now();
            int changed = jdbc.update("UPDATE processing_jobs SET started_at = ?, attempts = attempts + 1, "
                    + "progress_percent = 0, current_step = NULL WHERE id = ? AND status = 'running'", now, id);
            if (changed == 1) {
                recordEvent(id, JobStatus.RUNNING, JobStatus.RUNNING, now, "restarted after the service stopped");
            }
            return changed == 1;
        });
    }

    /** running -> complete with its outputs; false when the job was no longer running (cancelled). */
    public boolean complete(long id, JobOutcome outcome) {
        return transition(id, checked(id, JobStatus.RUNNING, JobStatus.COMPLETE), JobStatus.COMPLETE, state -> null,
                "completed_at = ?, progress_percent = 100, current_step = NULL, output_files = ?, gpu_used = ?, "
                        + "backend = ?, measurements_json = ?",
                state -> new Object[] {now(), toJson(outcome.outputFiles()), outcome.gpuUsed() ? 1 : 0, outcome.backend(),
                        outcome.measurementsJson()});
    }

    /** from -> failed with the reason users see. */
    public boolean fail(long id, JobStatus from, String reason) {
        return end(id, checked(id, from, JobStatus.FAILED), JobStatus.FAILED, state -> reason);
    }

    /**
     * -> failed with the reason users see, from whichever state the job is in when {@link JobStatus} lets it
     * fail from there; false when it has already ended.
     */
    public boolean fail(long id, String reason) {
        return end(id, JobStatus.FAILED.predecessors(), JobStatus.FAILED, state -> reason);
    }

    /** from -> cancelled; {@code reason} says why (a user's cancel, a superseded stack). */
    public boolean cancel(long id, JobStatus from, String reason) {
        return end(id, checked(id, from, JobStatus.CANCELLED), JobStatus.CANCELLED, state -> reason);
    }

    /**
     * -> cancelled from whichever state the job is in when {@link JobStatus} lets it be cancelled from there;
     * {@code reason} says why, told the state the job leaves. False when it has already ended.
     */
    public boolean cancel(long id, Function<JobStatus, String> reason) {
        return end(id, JobStatus.CANCELLED.predecessors(), JobStatus.CANCELLED, reason);
    }

    /** Progress of a running job; ignored once the job has left running. */
    public void progress(long id, double percent, String step) {
        if (jdbc.update("UPDATE processing_jobs SET progress_percent = ?, current_step = ? WHERE id = ? AND status = 'running'",
                percent, step, id) == 1) {
            changes.changed(id);
        }
    }

    /** Finished jobs whose outputs have not been deleted by retention. */
    public List<JobRecord> finishedWithOutputs() {
        return jdbc.query("SELECT * FROM processing_jobs WHERE outputs_deleted_at IS NULL AND completed_at IS NOT NULL "
                + "ORDER BY id", JobStore::map);
    }

    public void markOutputsDeleted(long id) {
        jdbc.update("UPDATE processing_jobs SET outputs_deleted_at = ? WHERE id = ? AND outputs_deleted_at IS NULL", now(), id);
    }

    public List<JobEvent> events(long jobId) {
        return jdbc.query("SELECT * FROM processing_job_events WHERE job_id = ? ORDER BY id",
                (rs, row) -> new JobEvent(rs.getLong("job_id"), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("at"), rs.getString("detail")), jobId);
    }

    /** An end with its reason: completed_at and error_message set, the current step of a failed job cleared. */
    private boolean end(long id, Set<JobStatus> from, JobStatus to, Function<JobStatus, String> reason) {
        String assignments = "completed_at = ?, error_message = ?" + (to == JobStatus.FAILED ? ", current_step = NULL" : "");
        return transition(id, from, to, reason, assignments, state -> new Object[] {now(), reason.apply(state)});
    }

    private static Set<JobStatus> checked(long id, JobStatus from, JobStatus to) {
        if (!from.canMoveTo(to)) {
            throw new IllegalJobTransitionException(id, from, to);
        }
        return EnumSet.of(from);
    }

    /**
     * Moves the job to {@code to} when it is in one of {@code from}: the state is read and changed in one
     * transaction (SQLite's IMMEDIATE mode takes the write lock first), so no caller guesses it. {@code detail}
     * and {@code values} (for the {@code ?} of {@code assignments}) are told the state the job leaves.
     */
    private boolean transition(long id, Set<JobStatus> from, JobStatus to, Function<JobStatus, String> detail,
                               String assignments, Function<JobStatus, Object[]> values) {
        boolean moved = transactions.execute(status -> {
            JobStatus current = jdbc.query("SELECT status FROM processing_jobs WHERE id = ?",
                    (rs, row) -> JobStatus.fromWireName(rs.getString("status")), id).stream().findFirst().orElse(null);
            if (current == null || !from.contains(current)) {
                return false;
            }
            List<Object> args = new ArrayList<>();
            args.add(to.wireName());
            args.addAll(Arrays.asList(values.apply(current)));
            args.add(id);
            args.add(current.wireName());
            int changed = jdbc.update("UPDATE processing_jobs SET status = ?, " + assignments + " WHERE id = ? AND status = ?",
                    args.toArray());
            if (changed == 1) {
                recordEvent(id, current, to, now(), detail.apply(current));
            }
            return changed == 1;
        });
        if (moved) {
            changes.changed(id);
            if (to.isTerminal()) {
                find(id).ifPresent(ends::jobEnded);
            }
        }
        return moved;
    }

    private void recordEvent(long id, JobStatus from, JobStatus to, String at, String detail) {
        jdbc.update("INSERT INTO processing_job_events (job_id, from_status, to_status, at, detail) VALUES (?, ?, ?, ?, ?)",
                id, from == null ? null : from.wireName(), to.wireName(), at, detail);
    }

    private String now() {
        return clock.instant().toString();
    }

    private static String toJson(List<?> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("output_files is not a JSON list: " + json, e);
        }
    }

    private static List<Long> idsFromJson(String json, long fileId) {
        if (json == null) {
            return List.of(fileId);
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("input_file_ids is not a JSON list: " + json, e);
        }
    }

    private static JobRecord map(ResultSet rs, int row) throws SQLException {
        int gpu = rs.getInt("gpu_used");
        Boolean gpuUsed = rs.wasNull() ? null : gpu == 1;
        int side = rs.getInt("outbox_thumbnail");
        Integer thumbnailSide = rs.wasNull() ? null : side;
        return new JobRecord(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("file_id"), rs.getString("pipeline_name"),
                JobStatus.fromWireName(rs.getString("status")), rs.getDouble("progress_percent"), rs.getString("current_step"),
                rs.getString("created_at"), rs.getString("started_at"), rs.getString("completed_at"),
                rs.getString("error_message"), gpuUsed, rs.getString("backend"), fromJson(rs.getString("output_files")),
                rs.getString("measurements_json"), rs.getInt("attempts"), rs.getString("outbox_folder"),
                rs.getString("outbox_stem"), rs.getString("outputs_deleted_at"),
                idsFromJson(rs.getString("input_file_ids"), rs.getLong("file_id")), thumbnailSide);
    }
}
