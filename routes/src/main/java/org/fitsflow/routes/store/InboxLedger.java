package org.fitsflow.routes.store;

import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Repository;

/**
 * The inbox files already taken, keyed by relative path + size + mtime: a restart does not take them
 * again, and a file that changes gets a new key and is taken again.
 */
@Repository
@DependsOn("schemaMigrator")
public class InboxLedger {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public InboxLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the key; false when it was already there. */
    public boolean add(String key) {
        return jdbc.update("INSERT INTO inbox_seen (file_key, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                key, clock.instant().toString()) == 1;
    }

    public boolean contains(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM inbox_seen WHERE file_key = ?)", Boolean.class, key));
    }

    public boolean remove(String key) {
        return jdbc.update("DELETE FROM inbox_seen WHERE file_key = ?", key) == 1;
    }

    public void clear() {
        jdbc.update("DELETE FROM inbox_seen");
    }
}
