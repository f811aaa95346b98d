package org.fitsflow.routes.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Repository;

/** processing_sessions. */
@Repository
@DependsOn("schemaMigrator")
public class SessionStore {
    private static final String SELECT = "SELECT s.*, "
            + "(SELECT COUNT(*) FROM processing_files f WHERE f.session_id = s.id) AS total_files, "
            + "(SELECT COALESCE(SUM(size_bytes), 0) FROM processing_files f WHERE f.session_id = s.id) AS total_size "
            + "FROM processing_sessions s ";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SessionStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public SessionRecord createUploadSession(String name) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO processing_sessions (session_name, source, status, created_at) "
                    + "VALUES (?, 'upload', 'uploading', ?)", new String[] {"id"});
            ps.setString(1, name);
            ps.setString(2, clock.instant().toString());
            return ps;
        }, key);
        return find(key.getKey().longValue()).orElseThrow();
    }

    /** The session that collects the files of one inbox folder; created ready, since nobody finalizes it. */
    public SessionRecord inboxSession(String name) {
        String now = clock.instant().toString();
        jdbc.update("INSERT INTO processing_sessions (session_name, source, status, created_at, finalized_at) "
                + "VALUES (?, 'inbox', 'ready', ?, ?) ON CONFLICT DO NOTHING", name, now, now);
        return jdbc.query(SELECT + "WHERE s.source = 'inbox' AND s.session_name = ?", SessionStore::map, name).get(0);
    }

    public Optional<SessionRecord> find(long id) {
        return jdbc.query(SELECT + "WHERE s.id = ?", SessionStore::map, id).stream().findFirst();
    }

    public List<SessionRecord> list(int limit) {
        return jdbc.query(SELECT + "ORDER BY s.created_at DESC, s.id DESC LIMIT ?", SessionStore::map, limit);
    }

    /** uploading -> ready; false when the session was not uploading. */
    public boolean finalizeUploads(long id) {
        return jdbc.update("UPDATE processing_sessions SET status = 'ready', finalized_at = ? "
                + "WHERE id = ? AND status = 'uploading'", clock.instant().toString(), id) == 1;
    }

    /** Deletes the session with its files and jobs (foreign keys cascade). */
    public boolean delete(long id) {
        return jdbc.update("DELETE FROM processing_sessions WHERE id = ?", id) == 1;
    }

    private static SessionRecord map(ResultSet rs, int row) throws SQLException {
        return new SessionRecord(rs.getLong("id"), rs.getString("session_name"), rs.getString("source"),
                rs.getString("status"), rs.getString("created_at"), rs.getString("finalized_at"),
                rs.getInt("total_files"), rs.getLong("total_size"));
    }
}
