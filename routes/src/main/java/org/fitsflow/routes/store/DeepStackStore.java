package org.fitsflow.routes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** deep_stacks: one row per target (object and filter), its latest deep stack job and the nights it combines. */
@Repository
@DependsOn("schemaMigrator")
public class DeepStackStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeepStackStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<DeepStackRecord> find(String target, String filter) {
        return jdbc.query("SELECT * FROM deep_stacks WHERE target = ? AND filter = ?", DeepStackStore::map, target, filter)
                .stream().findFirst();
    }

    public List<DeepStackRecord> inState(NightState state) {
        return jdbc.query("SELECT * FROM deep_stacks WHERE state = ? ORDER BY id", DeepStackStore::map, state.wireName());
    }

    /** The target's deep stack is stacking with this job over these nights; false when it was stacking already. */
    public boolean start(String target, String filter, long jobId, List<Long> nightJobIds, int subsUsed,
                         double integrationSeconds) {
        String now = clock.instant().toString();
        return jdbc.update("INSERT INTO deep_stacks (target, filter, state, night_job_ids, nights_used, subs_used, "
                + "integration_seconds, job_id, updated_at) VALUES (?, ?, 'stacking', ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (target, filter) DO UPDATE SET state = 'stacking', error = NULL, night_job_ids = excluded.night_job_ids, "
                + "nights_used = excluded.nights_used, subs_used = excluded.subs_used, "
                + "integration_seconds = excluded.integration_seconds, job_id = excluded.job_id, updated_at = excluded.updated_at "
                + "WHERE deep_stacks.state <> 'stacking'",
                target, filter, toJson(nightJobIds), nightJobIds.size(), subsUsed, integrationSeconds, jobId, now) == 1;
    }

    /** stacking -> done: this job's files are the target's deep stack now. */
    public boolean done(long id, long jobId) {
        return jdbc.update("UPDATE deep_stacks SET state = 'done', error = NULL, delivered_job_id = ?, updated_at = ? "
                + "WHERE id = ? AND job_id = ? AND state = 'stacking'", jobId, clock.instant().toString(), id, jobId) == 1;
    }

    /** stacking -> failed; the outbox keeps the previous deep stack. {@code jobId} null: the job is gone. */
    public boolean failed(long id, Long jobId, String reason) {
        return jdbc.update("UPDATE deep_stacks SET state = 'failed', error = ?, updated_at = ? "
                + "WHERE id = ? AND job_id IS ? AND state = 'stacking'", reason, clock.instant().toString(), id, jobId) == 1;
    }

    private static String toJson(List<Long> ids) {
        try {
            return JSON.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeepStackRecord map(ResultSet rs, int row) throws SQLException {
        List<Long> nights;
        try {
            nights = JSON.readValue(rs.getString("night_job_ids"), new TypeReference<List<Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("night_job_ids is not a JSON list", e);
        }
        long job = rs.getLong("job_id");
        Long jobId = rs.wasNull() ? null : job;
        long delivered = rs.getLong("delivered_job_id");
        Long deliveredJobId = rs.wasNull() ? null : delivered;
        return new DeepStackRecord(rs.getLong("id"), rs.getString("target"), rs.getString("filter"),
                NightState.fromWireName(rs.getString("state")), rs.getString("error"), nights, rs.getInt("nights_used"),
                rs.getInt("subs_used"), rs.getDouble("integration_seconds"), jobId, deliveredJobId, rs.getString("updated_at"));
    }
}
