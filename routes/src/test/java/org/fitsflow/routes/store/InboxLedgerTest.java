package org.fitsflow.routes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.fitsflow.routes.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger of inbox files taken, on a real SQLite file, across a restart. */
class InboxLedgerTest {
    @TempDir
    Path dir;

    @Test
    void whatWasTakenStaysTakenAfterARestartAndAForgottenKeyStaysForgotten() throws Exception {
        try (AutoCloseableStore first = new AutoCloseableStore(TestStore.open(dir, Clock.systemUTC()))) {
            InboxLedger ledger = new InboxLedger(first.store().jdbc(), Clock.systemUTC());
            assertThat(ledger.contains("a.fit|100|1")).isFalse();
            assertThat(ledger.add("a.fit|100|1")).isTrue();
            assertThat(ledger.add("a.fit|100|1")).isFalse();
            assertThat(ledger.add("b.fit|100|1")).isTrue();
            assertThat(ledger.remove("b.fit|100|1")).isTrue();
            assertThat(ledger.contains("a.fit|100|1")).isTrue();
            assertThat(ledger.contains("b.fit|100|1")).isFalse();
        }
        try (AutoCloseableStore second = new AutoCloseableStore(TestStore.open(dir, Clock.systemUTC()))) {
            InboxLedger restarted = new InboxLedger(second.store().jdbc(), Clock.systemUTC());
            assertThat(restarted.contains("a.fit|100|1")).isTrue();
            assertThat(restarted.contains("a.fit|101|1")).as("changed size").isFalse();
            assertThat(restarted.contains("b.fit|100|1")).isFalse();
            restarted.clear();
            assertThat(restarted.contains("a.fit|100|1")).isFalse();
            assertThat(new InboxLedger(second.store().jdbc(), Clock.systemUTC()).contains("a.fit|100|1")).isFalse();
        }
    }

    @Test
    void aKnownKeyIsAnsweredWithoutTheDatabase() throws Exception {
        try (AutoCloseableStore open = new AutoCloseableStore(TestStore.open(dir, Clock.systemUTC()))) {
            InboxLedger ledger = new InboxLedger(open.store().jdbc(), Clock.systemUTC());
            assertThat(ledger.add("a.fit|100|1")).isTrue();
            // every scan adds every file's key: one already taken must cost no statement at all
            open.store().jdbc().execute("ALTER TABLE inbox_seen RENAME TO inbox_seen_elsewhere");
            assertThat(ledger.add("a.fit|100|1")).isFalse();
            assertThat(ledger.contains("a.fit|100|1")).isTrue();
        }
    }

    private record AutoCloseableStore(TestStore store) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            store.close();
        }
    }
}
