package dev.parley.desktop.service.contact;

import dev.parley.desktop.event.BlockedChangedEvent;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.PendingReceipts;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The storage steps of blocking, unblocking and removing people (issue #14), inside a caller's transaction: the
 * user's own decisions ({@link PeopleDecisions}) and the same decisions taken on another device of this account
 * (issue #17, contact sync) run exactly these. The caller holds the profile's protocol lock and drops the protocol
 * state's cached contacts afterwards.
 */
public final class PeopleChanges {
    private PeopleChanges() {
    }

    /**
     * Blocks {@code username}: a pending message request from them is deleted with its history; a contact stays a
     * contact, with its history. Returns false if already blocked.
     */
    public static boolean block(Storage storage, Transaction txn, String username, Instant now) throws StorageException {
        boolean added = storage.blocked().block(txn, username, now);
        Optional<Contact> contact = storage.contacts().find(txn, username);
        storage.heldEnvelopes().removeAll(txn, username);
        if (contact.isPresent() && contact.get().identityChange() == IdentityChangeState.REQUEST) {
            removeContact(storage, txn, contact.get(), true);
        }
        if (added) {
            txn.attach(new BlockedChangedEvent(username, true));
        }
        return added;
    }

    /** Returns false if they were not blocked. */
    public static boolean unblock(Storage storage, Transaction txn, String username) throws StorageException {
        boolean removed = storage.blocked().unblock(txn, username);
        if (removed) {
            txn.attach(new BlockedChangedEvent(username, false));
        }
        return removed;
    }

    /**
     * Removes the contact (or request) {@code username} and what is held for them; with {@code deleteHistory} also the
     * conversation. Returns whether there was a contact, and how many messages were deleted.
     */
    public static Removed remove(Storage storage, Transaction txn, String username, boolean deleteHistory)
            throws StorageException {
        // uploads begun to them can never be sent now; their kept image encodings go with the rows (AttachmentFiles)
        storage.attachments().removePendingUploads(txn, username);
        Optional<Contact> contact = storage.contacts().find(txn, username);
        if (contact.isPresent()) {
            return new Removed(true, removeContact(storage, txn, contact.get(), deleteHistory));
        }
        return new Removed(false, deleteHistory ? eraseHistory(storage, txn, username) : 0);
    }

    /** What removing a contact deleted. */
    public record Removed(boolean contact, int messages) {
    }

    private static int removeContact(Storage storage, Transaction txn, Contact contact, boolean deleteHistory)
            throws StorageException {
        storage.contacts().remove(txn, contact.username());
        storage.heldEnvelopes().removeAll(txn, contact.username());
        storage.profiles().remove(txn, contact.username());
        storage.presence().remove(txn, contact.username());
        forgetOwedReceipts(storage, txn, contact.username());
        txn.attach(new ContactChangedEvent(contact, ContactChangedEvent.Change.REMOVED));
        return deleteHistory ? eraseHistory(storage, txn, contact.username()) : 0;
    }

    private static int eraseHistory(Storage storage, Transaction txn, String username) throws StorageException {
        forgetOwedReceipts(storage, txn, username);
        return storage.historyEraser().erase(txn, ConversationId.direct(username));
    }

    /** Receipts owed to someone who is no contact any more are never sent. */
    private static void forgetOwedReceipts(Storage storage, Transaction txn, String username) throws StorageException {
        List<Long> owed = new ArrayList<>();
        for (PendingReceipts entry : storage.pendingReceipts().all(txn)) {
            if (entry.recipient().equals(username)) {
                owed.add(entry.id());
            }
        }
        storage.pendingReceipts().remove(txn, owed);
    }
}
