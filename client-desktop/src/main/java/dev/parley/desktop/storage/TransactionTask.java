package dev.parley.desktop.storage;

/**
 * Work run inside a transaction without a result.
 *
 * @param <E> a checked exception the task may throw besides {@link StorageException}; it rolls the transaction back
 */
@FunctionalInterface
public interface TransactionTask<E extends Exception> {
    void run(Transaction txn) throws StorageException, E;
}
