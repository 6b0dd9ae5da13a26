package dev.parley.desktop.service.messaging.inbound;

import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.ListenChange;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;

/**
 * Notes incoming changes for the command line's {@code listen} ({@link dev.parley.desktop.storage.ListenChangeStore}):
 * an edit or delete of an incoming message {@code listen} already printed (one it has not printed yet shows its
 * current state when it is printed), and a reaction to such a message or to one of our own.
 */
final class ListenNotes {
    private ListenNotes() {
    }

    static void changed(Storage storage, Transaction txn, Message message) throws StorageException {
        if (message.direction() == Direction.INCOMING && printed(storage, txn, message)) {
            storage.listenChanges().note(txn, ListenChange.changed(message.messageId()));
        }
    }

    static void reaction(Storage storage, Transaction txn, Message message, String reactor, String emojiOrNull)
            throws StorageException {
        if (message.direction() == Direction.OUTGOING || printed(storage, txn, message)) {
            storage.listenChanges().note(txn, ListenChange.reaction(message.messageId(), reactor, emojiOrNull));
        }
    }

    private static boolean printed(Storage storage, Transaction txn, Message message) throws StorageException {
        return message.cursor().sequence() <= storage.listenCursor().printedUpTo(txn).sequence();
    }
}
