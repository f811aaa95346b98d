package org.fitsflow.routes.inbox;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.fitsflow.routes.store.InboxLedger;
import org.springframework.stereotype.Component;

/**
 * The inbox consumer's memory of files already taken, in SQLite instead of Camel's in-memory default,
 * so that a restart does not take them again. The key is relative path + size + mtime (see InboxRoute).
 */
@Component("inboxIdempotentRepository")
public class SqliteIdempotentRepository extends ServiceSupport implements IdempotentRepository {
    private final InboxLedger ledger;

    public SqliteIdempotentRepository(InboxLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean add(String key) {
        return ledger.add(key);
    }

    @Override
    public boolean contains(String key) {
        return ledger.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return ledger.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        ledger.clear();
    }
}
