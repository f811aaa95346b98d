package org.fitsflow.routes.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * nights and night_subs. A state change names the state it leaves in its WHERE clause, so that of two racing
 * changes (the closer and a restack) one wins; callers run the change and the job it concerns in one transaction.
 */
@Repository
@DependsOn("schemaMigrator")
public class NightStore {
    private static final String SELECT = "SELECT * FROM nights ";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NightStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a sub of the night (created open when new; it closes at {@code closesAt}, its noon, only when that is
     * still ahead: subs copied in later close when they go quiet). A done or failed night opens again; a stacking one
     * is marked to open again once its stack has ended. Run it in the transaction that records the file.
     */
    public NightRecord addSub(NightKey key, long sessionId, long fileId, Instant takenAt, Instant closesAt) {
        long now = clock.millis();
        String stamp = clock.instant().toString();
        jdbc.update("INSERT INTO nights (target, filter, exposure_seconds, night_date, state, session_id, last_sub_ms, "
                + "closes_ms, created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                key.target(), key.filter(), key.exposureSeconds(), key.nightDate(), sessionId, now,
                closesAt.toEpochMilli() > now ? closesAt.toEpochMilli() : null, stamp, stamp);
        NightRecord night = find(key).orElseThrow();
        jdbc.update("INSERT INTO night_subs (night_id, file_id, taken_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                night.id(), fileId, takenAt.toString());
        jdbc.update("UPDATE nights SET subs_taken = (SELECT COUNT(*) FROM night_subs WHERE night_id = ?), last_sub_ms = ?, "
                + "updated_at = ?, restack_pending = CASE WHEN state = 'stacking' THEN 1 ELSE restack_pending END, "
                + "error = CASE WHEN state = 'failed' THEN NULL ELSE error END, "
                + "state = CASE WHEN state IN ('done', 'failed') THEN 'open' ELSE state END WHERE id = ?",
                night.id(), now, stamp, night.id());
        return find(night.id()).orElseThrow();
    }

    public Optional<NightRecord> find(long id) {
        return jdbc.query(SELECT + "WHERE id = ?", NightStore::map, id).stream().findFirst();
    }

    public Optional<NightRecord> find(NightKey key) {
        return jdbc.query(SELECT + "WHERE target = ? AND filter = ? AND exposure_seconds = ? AND night_date = ?",
                NightStore::map, key.target(), key.filter(), key.exposureSeconds(), key.nightDate()).stream().findFirst();
    }

    /** Open nights without a new sub for {@code quiet}, or past the noon that ends them. */
    public List<NightRecord> dueToClose(Duration quiet) {
        long now = clock.millis();
        return jdbc.query(SELECT + "WHERE state = 'open' AND (last_sub_ms <= ? OR closes_ms <= ?) ORDER BY id",
                NightStore::map, now - quiet.toMillis(), now);
    }

    public List<NightRecord> inState(NightState state) {
        return jdbc.query(SELECT + "WHERE state = ? ORDER BY id", NightStore::map, state.wireName());
    }

    /** The nights of one target and filter, newest night first. */
    public List<NightRecord> ofTarget(String target, String filter) {
        return jdbc.query(SELECT + "WHERE target = ? AND filter = ? ORDER BY night_date DESC, subs_taken DESC, id DESC",
                NightStore::map, target, filter);
    }

    public List<NightRecord> all() {
        return jdbc.query(SELECT + "ORDER BY night_date DESC, id DESC", NightStore::map);
    }

    /** The night's subs in the order they were taken. */
    public List<Long> subFileIds(long nightId) {
        return jdbc.queryForList("SELECT file_id FROM night_subs WHERE night_id = ? ORDER BY taken_at, file_id", Long.class,
                nightId);
    }

    /** from -> stacking with its new job; false when the night was not in {@code from} any more. */
    public boolean startStacking(long nightId, NightState from, long jobId) {
        return jdbc.update("UPDATE nights SET state = 'stacking', job_id = ?, restack_pending = 0, error = NULL, updated_at = ? "
                + "WHERE id = ? AND state = ?", jobId, now(), nightId, from.wireName()) == 1;
    }

    /** stacking -> done with what the stack measured (or open again when a sub arrived meanwhile). */
    public boolean done(long nightId, long jobId, NightResult result) {
        return jdbc.update("UPDATE nights SET state = CASE WHEN restack_pending = 1 THEN 'open' ELSE 'done' END, "
                + "restack_pending = 0, error = NULL, subs_used = ?, integration_seconds = ?, fwhm_median_px = ?, "
                + "fwhm_median_arcsec = ?, flagged_json = ?, delivered_job_id = ?, master_file_id = ?, updated_at = ? "
                + "WHERE id = ? AND job_id = ? AND state = 'stacking'",
                result.subsUsed(), result.integrationSeconds(), result.fwhmMedianPx(), result.fwhmMedianArcsec(),
                result.flaggedJson(), jobId, result.masterFileId(), now(), nightId, jobId) == 1;
    }

    /**
     * stacking -> failed with the reason (or open again when a sub arrived meanwhile); the outbox keeps the last stack.
     * {@code jobId} null: the stack job is gone (its session was deleted).
     */
    public boolean failed(long nightId, Long jobId, String reason) {
        return jdbc.update("UPDATE nights SET state = CASE WHEN restack_pending = 1 THEN 'open' ELSE 'failed' END, "
                + "restack_pending = 0, error = ?, updated_at = ? WHERE id = ? AND job_id IS ? AND state = 'stacking'",
                reason, now(), nightId, jobId) == 1;
    }

    /** Jobs whose outputs a night or a deep stack still needs: retention leaves them. */
    public List<Long> jobsInUse() {
        return jdbc.queryForList("SELECT job_id FROM nights WHERE job_id IS NOT NULL "
                + "UNION SELECT delivered_job_id FROM nights WHERE delivered_job_id IS NOT NULL "
                + "UNION SELECT job_id FROM deep_stacks WHERE job_id IS NOT NULL "
                + "UNION SELECT delivered_job_id FROM deep_stacks WHERE delivered_job_id IS NOT NULL", Long.class);
    }

    private String now() {
        return clock.instant().toString();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static NightRecord map(ResultSet rs, int row) throws SQLException {
        int used = rs.getInt("subs_used");
        Integer subsUsed = rs.wasNull() ? null : used;
        return new NightRecord(rs.getLong("id"), new NightKey(rs.getString("target"), rs.getString("filter"),
                rs.getDouble("exposure_seconds"), rs.getString("night_date")),
                NightState.fromWireName(rs.getString("state")), rs.getString("error"), rs.getInt("restack_pending") == 1,
                rs.getInt("subs_taken"), subsUsed, nullableDouble(rs, "integration_seconds"),
                nullableDouble(rs, "fwhm_median_px"), nullableDouble(rs, "fwhm_median_arcsec"), rs.getString("flagged_json"),
                rs.getLong("session_id"), nullableLong(rs, "job_id"), nullableLong(rs, "delivered_job_id"),
                nullableLong(rs, "master_file_id"), rs.getLong("last_sub_ms"), nullableLong(rs, "closes_ms"),
                rs.getString("created_at"), rs.getString("updated_at"));
    }
}
