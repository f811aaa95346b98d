package org.fitsflow.routes.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies {@code db/migration/V<n>__<description>.sql} in version order, each once, recorded in
 * {@code schema_version}. Runs when the bean is created, so every store sees the current schema.
 */
@Component
public class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    record Migration(int version, String description, Resource script) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SchemaMigrator(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        migrate();
    }

    /** Applies the migrations not applied yet; returns how many ran. */
    public int migrate() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        int current = currentVersion();
        int applied = 0;
        for (Migration migration : migrations()) {
            if (migration.version() > current) {
                apply(migration);
                applied++;
            }
        }
        return applied;
    }

    public int currentVersion() {
        Integer version = jdbc.queryForObject("SELECT MAX(version) FROM schema_version", Integer.class);
        return version == null ? 0 : version;
    }

    private void apply(Migration migration) {
        String sql = read(migration.script());
        transactions.executeWithoutResult(status -> {
            for (String statement : statements(sql)) {
                jdbc.execute(statement);
            }
            jdbc.update("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                    migration.version(), migration.description(), clock.instant().toString());
        });
        LOG.info("Database schema migrated to version {} ({})", migration.version(), migration.description());
    }

    /** Our migrations hold plain DDL without triggers, so a semicolon at a line end ends a statement. */
    static List<String> statements(String sql) {
        String withoutComments = sql.lines()
                .filter(line -> !line.stripLeading().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";\\s*\n"))
                .map(String::strip)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static List<Migration> migrations() {
        try {
            Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
            return Arrays.stream(scripts)
                    .map(SchemaMigrator::migration)
                    .sorted(Comparator.comparingInt(Migration::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the database migrations", e);
        }
    }

    private static Migration migration(Resource script) {
        Matcher m = NAME.matcher(script.getFilename());
        if (!m.matches()) {
            throw new IllegalStateException("migration file name not of the form V<n>__<description>.sql: " + script.getFilename());
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), script);
    }

    private static String read(Resource script) {
        try {
            return new String(script.getContentAsByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + script.getFilename(), e);
        }
    }
}
