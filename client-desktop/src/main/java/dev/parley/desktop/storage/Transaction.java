package dev.parley.desktop.storage;

/**
 * One unit of work on the local store, handed to the task run by {@link TransactionManager}. Every store method takes
 * the transaction it runs in. A transaction is confined to the thread that runs the task and must not be used after
 * the task returns.
 */
public interface Transaction {

    /** True if the transaction was opened read-only; store methods that write then throw {@link StorageException}. */
    boolean isReadOnly();

    /**
     * Attaches an event to publish through the manager's {@link EventPublisher} once, and only if, this transaction
     * commits. Events are published in the order they were attached, after the commit, outside the store's lock.
     */
    void attach(Object event);
}
