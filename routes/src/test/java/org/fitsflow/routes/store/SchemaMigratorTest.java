package org.fitsflow.routes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.fitsflow.routes.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {
    @TempDir
    Path dir;

    @Test
    void aFreshDatabaseGetsEveryMigrationAndARestartAppliesNothingTwice() throws Exception {
        int version;
        try (TestStore store = TestStore.open(dir, Clock.systemUTC())) {
            version = store.migrator().currentVersion();
            assertThat(version).isEqualTo(SchemaMigrator.migrations().size()).isPositive();
            List<String> tables = store.jdbc().queryForList("SELECT name FROM sqlite_master WHERE type = 'table'", String.class);
            assertThat(tables).contains("schema_version", "processing_sessions", "processing_files", "processing_pipelines",
                    "processing_jobs", "processing_job_events", "inbox_seen");
            List<String> indexes = store.jdbc().queryForList("SELECT name FROM sqlite_master WHERE type = 'index'", String.class);
            assertThat(indexes).contains("idx_jobs_created", "idx_jobs_status", "idx_sessions_created", "idx_files_session");
            store.jdbc().update("INSERT INTO processing_pipelines (name, yaml, created_at) VALUES ('kept', 'x', 'now')");
        }
        try (TestStore reopened = TestStore.open(dir, Clock.systemUTC())) {
            assertThat(reopened.migrator().migrate()).isZero();
            assertThat(reopened.migrator().currentVersion()).isEqualTo(version);
            assertThat(reopened.jdbc().queryForObject("SELECT COUNT(*) FROM schema_version", Integer.class)).isEqualTo(version);
            assertThat(reopened.jdbc().queryForObject("SELECT yaml FROM processing_pipelines WHERE name = 'kept'", String.class))
                    .isEqualTo("x");
            assertThat(reopened.jdbc().queryForObject("PRAGMA journal_mode", String.class)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void statementsAreSplitAtLineEndSemicolonsWithoutComments() {
        assertThat(SchemaMigrator.statements("-- comment\nCREATE TABLE a (x TEXT);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x TEXT)", "CREATE INDEX i ON a (x)");
    }
}
