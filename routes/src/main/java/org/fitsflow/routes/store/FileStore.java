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

/** processing_files. */
@Repository
@DependsOn("schemaMigrator")
public class FileStore {
    /** The file type of a night's master, recorded as the input of its target's deep stack. */
    public static final String MASTER = "master";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FileStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public FileRecord insert(NewFile file) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO processing_files (session_id, original_name, stored_path, file_type, "
                    + "size_bytes, header_json, invalid_reason, inbox_path, inbox_mtime_ms, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, file.sessionId());
            ps.setString(2, file.originalName());
            ps.setString(3, file.storedPath());
            ps.setString(4, file.fileType());
            ps.setLong(5, file.sizeBytes());
            ps.setString(6, file.headerJson());
            ps.setString(7, file.invalidReason());
            ps.setString(8, file.inboxPath());
            ps.setObject(9, file.inboxMtimeMs());
            ps.setString(10, clock.instant().toString());
            return ps;
        }, key);
        return find(key.getKey().longValue()).orElseThrow();
    }

    public Optional<FileRecord> find(long id) {
        return jdbc.query("SELECT * FROM processing_files WHERE id = ?", FileStore::map, id).stream().findFirst();
    }

    public List<FileRecord> listBySession(long sessionId) {
        return jdbc.query("SELECT * FROM processing_files WHERE session_id = ? ORDER BY id", FileStore::map, sessionId);
    }

    /** Inbox files recorded from one inbox folder (relative path prefix), newest first. */
    public List<FileRecord> inboxFilesIn(String folderPrefix) {
        return jdbc.query("SELECT * FROM processing_files WHERE inbox_path LIKE ? ESCAPE '\\' ORDER BY id DESC",
                FileStore::map, escapeLike(folderPrefix) + "%");
    }

    /** Uploaded files (not inbox files, nor night masters, which are job outputs) whose stored copy has not been deleted. */
    public List<FileRecord> liveUploads() {
        return jdbc.query("SELECT * FROM processing_files WHERE inbox_path IS NULL AND deleted_at IS NULL "
                + "AND file_type <> '" + MASTER + "' ORDER BY id", FileStore::map);
    }

    /** Single frames with a readable header (telescope stacks and uploads, not raw subs nor masters), oldest first. */
    public List<FileRecord> frames() {
        return jdbc.query("SELECT * FROM processing_files WHERE file_type = 'stacked' AND header_json IS NOT NULL "
                + "AND invalid_reason IS NULL ORDER BY id", FileStore::map);
    }

    public void markDeleted(long id) {
        jdbc.update("UPDATE processing_files SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                clock.instant().toString(), id);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static FileRecord map(ResultSet rs, int row) throws SQLException {
        long mtime = rs.getLong("inbox_mtime_ms");
        Long inboxMtime = rs.wasNull() ? null : mtime;
        return new FileRecord(rs.getLong("id"), rs.getLong("session_id"), rs.getString("original_name"),
                rs.getString("stored_path"), rs.getString("file_type"), rs.getLong("size_bytes"),
                rs.getString("header_json"), rs.getString("invalid_reason"), rs.getString("inbox_path"),
                inboxMtime, rs.getString("created_at"), rs.getString("deleted_at"));
    }
}
