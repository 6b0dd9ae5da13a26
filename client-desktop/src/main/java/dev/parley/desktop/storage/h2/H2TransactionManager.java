package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import dev.parley.desktop.storage.TransactionManager;
import dev.parley.desktop.storage.TransactionTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions on the single connection of an embedded H2 database, one at a time (a fair lock); auto-commit is off,
 * so every task's statements commit or roll back together, and a write transaction is on disk when it returns.
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
                if (!readOnly) {
                    writeThrough();
                }
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

    /**
     * Makes the commit durable before the caller goes on (and, say, acknowledges a message to the relay or sends a
     * ciphertext made with the new ratchet state: a ratchet state lost after its ciphertext left would make the next
     * message reuse a message key). H2 stores a commit at once only if no other store is running at that moment and
     * otherwise leaves it for the next commit or a clean close; a standalone write-heavy loop killed with SIGKILL lost
     * its last commit in one of three runs (docs/benchmarks.md, "Soak"). {@code CHECKPOINT} waits for the store; it
     * cost about 0.1 ms per write transaction there.
     */
    private void writeThrough() throws StorageException {
        try (Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new StorageException("the commit could not be written to disk", e);
        }
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
