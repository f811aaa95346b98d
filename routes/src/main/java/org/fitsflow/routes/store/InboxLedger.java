package org.fitsflow.routes.store;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The inbox files already taken, keyed by relative path + size + mtime: a restart does not take them
 * again, and a file that changes gets a new key and is taken again.
 *
 * <p>Every scan of the inbox asks about every file in it, and a telescope's folder collects thousands
 * over the months: the keys are held in memory too (loaded at start-up, written through), so that a
 * scan costs no database query per file. Only this process writes the table.
 */
@Repository
@DependsOn("schemaMigrator")
public class InboxLedger {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    public InboxLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        keys.addAll(jdbc.queryForList("SELECT file_key FROM inbox_seen", String.class));
    }

    /**
     * Records the key; false when it was already there. Camel's file consumer adds (rather than looks up)
     * the key of every file of every scan, so a known key must not reach the database either: an insert per
     * file and scan made the idle service's scans of a full inbox cost several times more CPU (measured in
     * {@code bench/README.md}, "Figures behind the code").
     */
    public boolean add(String key) {
        if (keys.contains(key)) {
            return false;
        }
        boolean added = jdbc.update("INSERT INTO inbox_seen (file_key, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                key, clock.instant().toString()) == 1;
        keys.add(key);
        return added;
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }

    public boolean remove(String key) {
        keys.remove(key);
        return jdbc.update("DELETE FROM inbox_seen WHERE file_key = ?", key) == 1;
    }

    public void clear() {
        keys.clear();
        jdbc.update("DELETE FROM inbox_seen");
    }
}
