package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import dev.parley.desktop.storage.TransactionManager;
import dev.parley.desktop.storage.TransactionTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions on the single connection of an embedded H2 database, one at a time (a fair lock); auto-commit is off,
 * so every task's statements commit or roll back together.
 */
final class H2TransactionManager implements TransactionManager {
    private static final Logger LOG = LoggerFactory.getLogger(H2TransactionManager.class);

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Connection connection;
    private final EventPublisher publisher;
    private boolean closed;

    H2TransactionManager(Connection connection, EventPublisher publisher) {
        this.connection = connection;
        this.publisher = Objects.requireNonNull(publisher, "publisher");
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
        R result;
        List<Object> events;
        try {
            if (closed) {
                throw new IllegalStateException("storage is closed");
            }
            H2Transaction txn = new H2Transaction(this, connection, readOnly);
            boolean committed = false;
            try {
                result = task.apply(txn);
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                throw new StorageException("commit failed", e);
            } finally {
                txn.finish();
                if (!committed) {
                    rollback();
                }
            }
            events = List.copyOf(txn.events());
        } finally {
            lock.unlock();
        }
        events.forEach(publisher::publish);
        return result;
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed (error code {})", e.getErrorCode(), e);
        }
    }

    /** Waits for a running transaction, then refuses new ones and closes the connection. */
    void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the database failed (error code {})", e.getErrorCode(), e);
        } finally {
            lock.unlock();
        }
    }
}
