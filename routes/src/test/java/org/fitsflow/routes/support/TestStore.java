package org.fitsflow.routes.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.store.DatabaseConfiguration;
import org.fitsflow.routes.store.SchemaMigrator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The store on a real SQLite file in a temporary folder, without the rest of the application. */
public record TestStore(FitsflowProperties properties, DataSource dataSource, JdbcTemplate jdbc,
                        TransactionTemplate transactions, SchemaMigrator migrator) implements AutoCloseable {

    public static TestStore open(Path dataDir, Clock clock) {
        FitsflowProperties properties = properties(dataDir, dataDir.resolve("inbox"), dataDir.resolve("outbox"));
        DataSource dataSource = new DatabaseConfiguration().dataSource(properties);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        return new TestStore(properties, dataSource, jdbc, transactions, new SchemaMigrator(jdbc, transactions, clock));
    }

    public static FitsflowProperties properties(Path dataDir, Path inbox, Path outbox) {
        return new FitsflowProperties(dataDir, dataDir.resolve("pipelines"), FitsflowProperties.Queue.LOCAL,
                FitsflowProperties.Executor.LOCAL, 1, Duration.ofSeconds(30),
                new FitsflowProperties.Inbox(inbox, 1, List.of("quick_dso"), 200, ".*", "\\..*"),
                new FitsflowProperties.Outbox(outbox), new FitsflowProperties.Upload(1_000_000),
                new FitsflowProperties.Retention(7, 30, Duration.ofHours(1), Duration.ofMinutes(1)),
                new FitsflowProperties.Nights(30, "night_stack", "deep_stack", false, Duration.ofSeconds(5)));
    }

    @Override
    public void close() throws Exception {
        if (dataSource instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
