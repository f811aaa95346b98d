package org.fitsflow.routes.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import javax.sql.DataSource;
import org.fitsflow.routes.config.FitsflowProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The SQLite database in the data folder. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /** Long enough for a writer to wait out another one instead of failing with SQLITE_BUSY. */
    private static final int BUSY_TIMEOUT_MS = 15_000;

    @Bean(destroyMethod = "close")
    public DataSource dataSource(FitsflowProperties properties) {
        try {
            Files.createDirectories(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + properties.dataDir(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets the API read while a job writes its progress.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // IMMEDIATE takes the write lock at BEGIN: a read-then-write transaction cannot deadlock on upgrade.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + properties.databaseFile().toAbsolutePath());

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("fitsflow-sqlite");
        pool.setMaximumPoolSize(4);
        return new HikariDataSource(pool);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
