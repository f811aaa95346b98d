package org.fitsflow.routes.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Reads the service's own record of its jobs' transitions ({@code processing_job_events} in its SQLite
 * file), read-only beside the running service: the witness that a job reached a state once, not twice.
 */
public final class JobEventTrail {
    private JobEventTrail() {
    }

    /** Job id -> how many times the job moved to {@code status}. */
    public static Map<Long, Integer> transitionsTo(Path database, String status) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
             var query = connection.prepareStatement("SELECT job_id, COUNT(*) FROM processing_job_events WHERE to_status = ? GROUP BY job_id")) {
            query.setString(1, status);
            Map<Long, Integer> counts = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getLong(1), rows.getInt(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
        }
    }
}
