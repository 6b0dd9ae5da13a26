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

    protected <R, E extends Exception> R writeAndGet(TransactionFunction<R, E> task) throws StorageException, E {
        return storage.transactions().transactionWithResult(false, task);
    }
}
