package dev.parley.desktop.service.contact;

import dev.parley.crypto.wire.Usernames;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.BlockedChangedEvent;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.PendingReceipts;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #14: blocking, unblocking and removing people. Each runs under the profile's protocol lock, so no incoming
 * batch is being decided meanwhile: an envelope is either handled before the change or sees it.
 */
final class PeopleDecisions {
    private static final Logger LOG = LoggerFactory.getLogger(PeopleDecisions.class);

    private final ProfileCrypto crypto;

    PeopleDecisions(ProfileCrypto crypto) {
        this.crypto = crypto;
    }

    /** What removing a contact deleted. */
    record Removed(boolean contact, int messages) {
    }

    /**
     * Blocks {@code username}. A pending message request from them is deleted with its history (blocking a request
     * is refusing it); a contact stays a contact, with its history, but receives nothing.
     *
     * @return false if already blocked
     */
    boolean block(String username) throws ServiceException {
        checkUsername(username);
        boolean changed = inLock(txn -> {
            boolean added = storage().blocked().block(txn, username, crypto.context().clock().instant());
            Optional<Contact> contact = storage().contacts().find(txn, username);
            storage().heldEnvelopes().removeAll(txn, username);
            if (contact.isPresent() && contact.get().identityChange() == IdentityChangeState.REQUEST) {
                removeInside(txn, contact.get(), true);
            }
            if (added) {
                txn.attach(new BlockedChangedEvent(username, true));
            }
            return added;
        });
        LOG.info(changed ? "user blocked" : "user was already blocked");
        return changed;
    }

    /** @return false if they were not blocked */
    boolean unblock(String username) throws ServiceException {
        checkUsername(username);
        return inLock(txn -> {
            boolean removed = storage().blocked().unblock(txn, username);
            if (removed) {
                txn.attach(new BlockedChangedEvent(username, false));
            }
            return removed;
        });
    }

    List<String> blocked() throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().blocked().list(txn));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the blocked list", e);
        }
    }

    /**
     * Removes a contact (or a message request) and the envelopes held for them; with {@code deleteHistory} also the
     * whole conversation (messages, search words, reactions) and the delivery receipts still owed to them.
     *
     * @throws UnknownContactException if there is neither such a contact nor (with deleteHistory) a conversation
     */
    Removed remove(String username, boolean deleteHistory) throws ServiceException {
        checkUsername(username);
        Removed removed = inLock(txn -> {
            // uploads begun to them can never be sent now; their kept image encodings go with the rows (AttachmentFiles)
            storage().attachments().removePendingUploads(txn, username);
            Optional<Contact> contact = storage().contacts().find(txn, username);
            if (contact.isPresent()) {
                return new Removed(true, removeInside(txn, contact.get(), deleteHistory));
            }
            return new Removed(false, deleteHistory ? eraseHistory(txn, username) : 0);
        });
        if (!removed.contact() && removed.messages() == 0) {
            throw new UnknownContactException("no such contact");
        }
        LOG.info("contact removed; {} messages deleted", removed.messages());
        return removed;
    }

    private int removeInside(Transaction txn, Contact contact, boolean deleteHistory) throws StorageException {
        storage().contacts().remove(txn, contact.username());
        storage().heldEnvelopes().removeAll(txn, contact.username());
        storage().profiles().remove(txn, contact.username());
        storage().presence().remove(txn, contact.username());
        forgetOwedReceipts(txn, contact.username());
        txn.attach(new ContactChangedEvent(contact, ContactChangedEvent.Change.REMOVED));
        return deleteHistory ? eraseHistory(txn, contact.username()) : 0;
    }

    private int eraseHistory(Transaction txn, String username) throws StorageException {
        forgetOwedReceipts(txn, username);
        return storage().historyEraser().erase(txn, ConversationId.direct(username));
    }

    /** Receipts owed to someone who is no contact any more are never sent. */
    private void forgetOwedReceipts(Transaction txn, String username) throws StorageException {
        List<Long> owed = new ArrayList<>();
        for (PendingReceipts entry : storage().pendingReceipts().all(txn)) {
            if (entry.recipient().equals(username)) {
                owed.add(entry.id());
            }
        }
        storage().pendingReceipts().remove(txn, owed);
    }

    @FunctionalInterface
    private interface Step<R> {
        R apply(Transaction txn) throws StorageException;
    }

    private <R> R inLock(Step<R> step) throws ServiceException {
        crypto.lock().lock();
        try {
            return storage().transactions().transactionWithResult(false, step::apply);
        } catch (StorageException e) {
            throw new StorageFailureException("cannot update the contacts", e);
        } finally {
            crypto.state().invalidateAll();
            crypto.lock().unlock();
        }
    }

    private static void checkUsername(String username) throws InvalidInputException {
        if (username == null || !Usernames.isValid(username)) {
            throw new InvalidInputException("not a valid username");
        }
    }

    private Storage storage() {
        return crypto.storage();
    }
}
