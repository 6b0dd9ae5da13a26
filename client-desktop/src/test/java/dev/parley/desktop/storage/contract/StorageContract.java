package dev.parley.desktop.storage.contract;

import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import dev.parley.desktop.storage.TransactionTask;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the store contract tests: every implementation runs the same tests through {@link #create}. */
public abstract class StorageContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    protected Path dir;
    protected Storage storage;
    protected final List<Object> published = Collections.synchronizedList(new ArrayList<>());

    /** A fresh, empty storage; files (if any) go under {@code dir}. */
    protected abstract Storage create(Path dir, EventPublisher publisher) throws Exception;

    @BeforeEach
    void openStorage() throws Exception {
        storage = create(dir, published::add);
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    protected <E extends Exception> void write(TransactionTask<E> task) throws StorageException, E {
        storage.transactions().transaction(false, task);
    }

    protected <R, E extends Exception> R read(TransactionFunction<R, E> task) throws StorageException, E {
        return storage.transactions().transactionWithResult(true, task);
    }

    /**
     * Erases the conversation as the app does: hidden in one transaction, then its rows {@code page} messages per
     * transaction until nothing is pending. Returns how many messages it had.
     */
    protected int eraseWhole(dev.parley.desktop.storage.ConversationId id, int page) throws StorageException {
        int messages = writeAndGet(txn -> storage.historyEraser().erase(txn, id));
        finishErasing(page);
        return messages;
    }

    /** Runs {@code eraseSome} in transactions of its own until nothing is pending; returns how many messages went. */
    protected int finishErasing(int page) throws StorageException {
        int removed = 0;
        dev.parley.desktop.storage.HistoryEraser.Progress step;
        do {
            step = writeAndGet(txn -> storage.historyEraser().eraseSome(txn, page));
            removed += step.removed();
        } while (!step.finished());
        return removed;
    }

    protected <R, E extends Exception> R writeAndGet(TransactionFunction<R, E> task) throws StorageException, E {
        return storage.transactions().transactionWithResult(false, task);
    }
}
