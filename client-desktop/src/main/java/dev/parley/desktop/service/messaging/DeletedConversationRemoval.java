package dev.parley.desktop.service.messaging;

import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.ErasedHistoryPages;
import dev.parley.desktop.storage.HistoryEraser;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.function.BooleanSupplier;

/**
 * Removes the rows of deleted conversations (issue #12): deleting one only hides it ({@link HistoryEraser#erase}), and
 * this removes its messages a page per committed transaction ({@link ErasedHistoryPages}) until none is left, so
 * neither the heap nor the single database connection is held for the whole conversation, and an erase cut short by a crash or a quit goes on
 * from where it was the next time this runs (the sweeper runs it at every unlock). Other transactions (a message
 * arriving, the user reading) take their turn between two pages.
 */
public final class DeletedConversationRemoval {
    private final Storage storage;

    public DeletedConversationRemoval(Storage storage) {
        this.storage = storage;
    }

    /**
     * Removes what is left of every deleted conversation ({@link ErasedHistoryPages}), asking {@code keepGoing} before
     * each page (a profile being locked stops after the page in progress); returns how many messages went. Never on
     * the FX thread.
     */
    public int removePending(BooleanSupplier keepGoing) throws StorageFailureException {
        try {
            return ErasedHistoryPages.removePending(storage, keepGoing);
        } catch (StorageException e) {
            throw new StorageFailureException("cannot remove the history of a deleted conversation", e);
        }
    }
}
