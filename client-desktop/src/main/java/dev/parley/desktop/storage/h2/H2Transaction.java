package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

final class H2Transaction implements Transaction {
    private final H2TransactionManager owner;
    private final Connection connection;
    private final boolean readOnly;
    private final List<Object> events = new ArrayList<>();
    private boolean active = true;

    H2Transaction(H2TransactionManager owner, Connection connection, boolean readOnly) {
        this.owner = owner;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void attach(Object event) {
        Objects.requireNonNull(event, "event");
        if (!active) {
            throw new IllegalStateException("transaction is finished");
        }
        events.add(event);
    }

    List<Object> events() {
        return events;
    }

    void finish() {
        active = false;
    }

    /** The connection of {@code txn}, after checking it is a live transaction of {@code owner}. */
    static Connection connection(Transaction txn, H2TransactionManager owner, boolean write) throws StorageException {
        if (!(txn instanceof H2Transaction t) || t.owner != owner || !t.active) {
            throw new StorageException("not a live transaction of this store");
        }
        if (write && t.readOnly) {
            throw new StorageException("write attempted in a read-only transaction");
        }
        return t.connection;
    }
}
