package dev.parley.desktop.storage;

/**
 * Runs work against the local store in transactions (all or nothing).
 *
 * <pre>{@code
 * boolean isNew = storage.transactions().transactionWithResult(false, txn -> {
 *     boolean inserted = storage.messages().insertIfAbsent(txn, incoming);
 *     if (inserted) {
 *         txn.attach(new MessageReceivedEvent(incoming.messageId()));   // published only after the commit
 *     }
 *     return inserted;
 * });
 * }</pre>
 *
 * <p>Contract: if the task returns normally the transaction commits and then the attached events are published; if it
 * throws (any exception or error) the transaction rolls back, no event is published and the exception propagates
 * unchanged. Transactions are serialised (one at a time per store); calling {@code transaction} again from inside a
 * task on the same thread throws {@link IllegalStateException} instead of deadlocking. Keep tasks short and never do
 * network I/O or wait for the user inside one.
 */
public interface TransactionManager {

    <E extends Exception> void transaction(boolean readOnly, TransactionTask<E> task) throws StorageException, E;

    <R, E extends Exception> R transactionWithResult(boolean readOnly, TransactionFunction<R, E> task)
            throws StorageException, E;
}
