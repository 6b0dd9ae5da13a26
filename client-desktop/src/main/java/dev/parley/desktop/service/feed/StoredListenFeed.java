package dev.parley.desktop.service.feed;

import dev.parley.desktop.service.ListenFeed;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.ListenCursorStore;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.List;

/** {@link ListenFeed} over the profile's {@link ListenCursorStore}. */
public final class StoredListenFeed implements ListenFeed {
    private final Storage storage;

    public StoredListenFeed(Storage storage) {
        this.storage = storage;
    }

    @Override
    public List<Message> unprinted(int limit) throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> {
                ListenCursorStore cursor = storage.listenCursor();
                return cursor.incomingAfter(txn, cursor.printedUpTo(txn), limit);
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the incoming messages", e);
        }
    }

    @Override
    public void markPrinted(Message last) throws ServiceException {
        try {
            storage.transactions().transaction(false, txn -> storage.listenCursor().advance(txn, last.cursor()));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot record what was printed", e);
        }
    }

    @Override
    public List<Change> unprintedChanges(int limit) throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> {
                List<Change> out = new java.util.ArrayList<>();
                for (dev.parley.desktop.storage.ListenChange change : storage.listenChanges().oldest(txn, limit)) {
                    out.add(new Change(change, storage.messages().find(txn, change.messageId())));
                }
                return out;
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the changes to print", e);
        }
    }

    @Override
    public void markChangesPrinted(Change last) throws ServiceException {
        try {
            storage.transactions().transaction(false, txn -> storage.listenChanges().removeUpTo(txn, last.change().seq()));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot record what was printed", e);
        }
    }
}
