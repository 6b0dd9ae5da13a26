package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

final class InMemoryTransaction implements Transaction {
    private final InMemoryTransactionManager owner;
    private final boolean readOnly;
    private final List<Object> events = new ArrayList<>();
    private boolean active = true;

    InMemoryTransaction(InMemoryTransactionManager owner, boolean readOnly) {
        this.owner = owner;
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

    /** Checks that {@code txn} is a live transaction of {@code owner}, writable if {@code write}. */
    static InMemoryTransaction check(Transaction txn, InMemoryTransactionManager owner, boolean write)
            throws StorageException {
        if (!(txn instanceof InMemoryTransaction t) || t.owner != owner || !t.active) {
            throw new StorageException("not a live transaction of this store");
        }
        if (write && t.readOnly) {
            throw new StorageException("write attempted in a read-only transaction");
        }
        return t;
    }
}
