package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import dev.parley.desktop.storage.TransactionManager;
import dev.parley.desktop.storage.TransactionTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises transactions with a lock; a failed write transaction restores the snapshot every store took before it.
 */
final class InMemoryTransactionManager implements TransactionManager {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final EventPublisher publisher;
    private final List<Snapshotting> stores = new ArrayList<>();
    private volatile boolean closed;

    InMemoryTransactionManager(EventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    void register(Snapshotting store) {
        stores.add(store);
    }

    void close() {
        closed = true;
    }

    @Override
    public <E extends Exception> void transaction(boolean readOnly, TransactionTask<E> task)
            throws StorageException, E {
        transactionWithResult(readOnly, txn -> {
            task.run(txn);
            return null;
        });
    }

    @Override
    public <R, E extends Exception> R transactionWithResult(boolean readOnly, TransactionFunction<R, E> task)
            throws StorageException, E {
        Objects.requireNonNull(task, "task");
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("nested transaction on the same thread");
        }
        lock.lock();
        InMemoryTransaction txn = new InMemoryTransaction(this, readOnly);
        List<Object> events;
        R result;
        try {
            if (closed) {
                throw new IllegalStateException("storage is closed");
            }
            List<Object> snapshots = new ArrayList<>();
            if (!readOnly) {
                for (Snapshotting store : stores) {
                    snapshots.add(store.snapshot());
                }
            }
            boolean committed = false;
            try {
                result = task.apply(txn);
                committed = true;
            } finally {
                txn.finish();
                if (!committed && !readOnly) {
                    for (int i = 0; i < stores.size(); i++) {
                        stores.get(i).restore(snapshots.get(i));
                    }
                }
            }
            events = List.copyOf(txn.events());
        } finally {
            lock.unlock();
        }
        events.forEach(publisher::publish);
        return result;
    }
}
