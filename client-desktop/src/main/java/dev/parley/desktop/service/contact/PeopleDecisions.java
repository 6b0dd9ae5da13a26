package dev.parley.desktop.service.contact;

import dev.parley.crypto.wire.Usernames;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
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
        boolean changed = inLock(txn -> PeopleChanges.block(storage(), txn, username, crypto.context().clock().instant()));
        LOG.info(changed ? "user blocked" : "user was already blocked");
        return changed;
    }

    /** @return false if they were not blocked */
    boolean unblock(String username) throws ServiceException {
        checkUsername(username);
        return inLock(txn -> PeopleChanges.unblock(storage(), txn, username));
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
        PeopleChanges.Removed removed = inLock(txn -> PeopleChanges.remove(storage(), txn, username, deleteHistory));
        if (!removed.contact() && removed.messages() == 0) {
            throw new UnknownContactException("no such contact");
        }
        LOG.info("contact removed; {} messages deleted", removed.messages());
        return new Removed(removed.contact(), removed.messages());
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
