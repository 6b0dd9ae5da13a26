package dev.parley.desktop.storage;

/**
 * Work run inside a transaction that returns a result.
 *
 * @param <R> the result type
 * @param <E> a checked exception the task may throw besides {@link StorageException}; it rolls the transaction back
 */
@FunctionalInterface
public interface TransactionFunction<R, E extends Exception> {
    R apply(Transaction txn) throws StorageException, E;
}
