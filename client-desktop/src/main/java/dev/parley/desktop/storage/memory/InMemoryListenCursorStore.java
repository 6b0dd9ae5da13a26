package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.ListenCursorStore;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

final class InMemoryListenCursorStore implements ListenCursorStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private final InMemoryMessageStore messages;
    private long printedUpTo;

    InMemoryListenCursorStore(InMemoryTransactionManager manager, InMemoryMessageStore messages) {
        this.manager = manager;
        this.messages = messages;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return printedUpTo;
    }

    @Override
    public void restore(Object snapshot) {
        printedUpTo = (Long) snapshot;
    }

    @Override
    public MessageCursor printedUpTo(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return new MessageCursor(printedUpTo);
    }

    @Override
    public void advance(Transaction txn, MessageCursor printed) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        printedUpTo = Math.max(printedUpTo, printed.sequence());
    }

    @Override
    public List<Message> incomingAfter(Transaction txn, MessageCursor after, int limit) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        StoreArguments.checkLimit(limit);
        return messages.incomingAfter(after.sequence(), limit);
    }
}
