package org.fitsflow.routes.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** job_restretches: which job re-stretches which, with what settings, and the one kept for each source. */
@Repository
@DependsOn("schemaMigrator")
public class RestretchStore {
    /** A re-stretch job: its source job, its settings as JSON, and whether the user kept it. */
    public record Restretch(long jobId, long sourceJobId, String settingsJson, boolean kept) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public RestretchStore(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void insert(long jobId, long sourceJobId, String settingsJson) {
        jdbc.update("INSERT INTO job_restretches (job_id, source_job_id, settings_json) VALUES (?, ?, ?)",
                jobId, sourceJobId, settingsJson);
    }

    public Optional<Restretch> find(long jobId) {
        return jdbc.query("SELECT * FROM job_restretches WHERE job_id = ?", (rs, n) -> new Restretch(rs.getLong("job_id"),
                rs.getLong("source_job_id"), rs.getString("settings_json"), rs.getString("kept_at") != null), jobId)
                .stream().findFirst();
    }

    /** The re-stretch kept for that source job, if any. */
    public Optional<Long> keptFor(long sourceJobId) {
        List<Long> kept = jdbc.queryForList("SELECT job_id FROM job_restretches WHERE source_job_id = ? AND kept_at IS NOT NULL",
                Long.class, sourceJobId);
        return kept.stream().findFirst();
    }

    /** Keeps this re-stretch for its source, in place of any kept before; none kept when {@code jobId} is null. */
    public void keep(long sourceJobId, Long jobId) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("UPDATE job_restretches SET kept_at = NULL WHERE source_job_id = ?", sourceJobId);
            if (jobId != null) {
                jdbc.update("UPDATE job_restretches SET kept_at = ? WHERE job_id = ? AND source_job_id = ?",
                        clock.instant().toString(), jobId, sourceJobId);
            }
        });
    }
}
