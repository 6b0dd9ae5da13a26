package dev.parley.desktop.service.contact;

import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.service.IdentityChangedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.HeldEnvelope;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The user's decisions about a contact's identity key (issue #11 findings 1 and 4). Each acts on the key the user
 * was shown and only if that is still the key in question, so a key that changes between showing and clicking is
 * never verified or accepted by accident. Each runs under the profile's protocol lock, so no envelope is being
 * decided meanwhile.
 */
final class KeyDecisions {
    private KeyDecisions() {
    }

    /** A step inside the decision's transaction; returns the contact to report. */
    @FunctionalInterface
    private interface Step {
        Contact apply(Transaction txn, Contact contact) throws StorageException, ServiceException;
    }

    /** The new key the contact wrote with, while messages with it are held. */
    static Optional<byte[]> pendingKey(ProfileCrypto crypto, String username) throws StorageFailureException {
        try {
            return storage(crypto).transactions().transactionWithResult(true, txn -> pendingKey(storage(crypto), txn, username));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the held messages", e);
        }
    }

    static Contact markVerified(ProfileCrypto crypto, String username, byte[] displayedKey) throws ServiceException {
        return decide(crypto, username, (txn, contact) -> {
            Storage storage = storage(crypto);
            if (!Arrays.equals(contact.identityKey(), displayedKey) || pendingKey(storage, txn, username).isPresent()) {
                throw new IdentityChangedException(
                        "this contact's identity key is not the one shown any more; compare the new safety number");
            }
            storage.contacts().setVerified(txn, username, true);
            return changed(storage, txn, username, ContactChangedEvent.Change.VERIFIED);
        });
    }

    static Contact acceptNewKey(ProfileCrypto crypto, String username, byte[] displayedKey) throws ServiceException {
        return decide(crypto, username, (txn, contact) -> {
            Storage storage = storage(crypto);
            Optional<byte[]> pending = pendingKey(storage, txn, username);
            if (pending.isPresent()) {
                if (!Arrays.equals(pending.get(), displayedKey)) {
                    throw new IdentityChangedException(
                            "the pending identity key is not the one shown any more; compare the new safety number");
                }
                storage.contacts().updateIdentityKey(txn, username, displayedKey);
            } else if (!Arrays.equals(contact.identityKey(), displayedKey)) {
                throw new IdentityChangedException("no such identity key is pending for this contact");
            } else if (contact.identityChange() != IdentityChangeState.CHANGED_UNACKNOWLEDGED) {
                return contact;
            }
            storage.contacts().acknowledgeIdentityChange(txn, username);
            return changed(storage, txn, username, ContactChangedEvent.Change.IDENTITY_ACKNOWLEDGED);
        });
    }

    static Contact refuseNewKey(ProfileCrypto crypto, String username) throws ServiceException {
        return decide(crypto, username, (txn, contact) -> {
            Storage storage = storage(crypto);
            storage.heldEnvelopes().removeAll(txn, username);
            if (contact.identityChange() != IdentityChangeState.CHANGED_UNACKNOWLEDGED) {
                return contact;
            }
            storage.contacts().acknowledgeIdentityChange(txn, username);
            return changed(storage, txn, username, ContactChangedEvent.Change.IDENTITY_ACKNOWLEDGED);
        });
    }

    /** Accepts a message request (the user adds or writes to the requester). */
    static Contact acceptRequest(ProfileCrypto crypto, String username) throws ServiceException {
        return decide(crypto, username, (txn, contact) -> {
            if (contact.identityChange() != IdentityChangeState.REQUEST) {
                return contact;
            }
            storage(crypto).contacts().setIdentityChange(txn, username, IdentityChangeState.NONE);
            return changed(storage(crypto), txn, username, ContactChangedEvent.Change.REQUEST_ACCEPTED);
        });
    }

    private static Contact decide(ProfileCrypto crypto, String username, Step step) throws ServiceException {
        crypto.lock().lock();
        try {
            Contact result = storage(crypto).transactions().transactionWithResult(false, txn -> {
                Optional<Contact> contact = storage(crypto).contacts().find(txn, username);
                if (contact.isEmpty()) {
                    throw new UnknownContactException("no such contact");
                }
                return step.apply(txn, contact.get());
            });
            crypto.state().invalidateContact(username);
            return result;
        } catch (StorageException e) {
            throw new StorageFailureException("cannot update the contact", e);
        } catch (IllegalArgumentException e) {
            throw new UnknownContactException("no such contact");
        } finally {
            crypto.lock().unlock();
        }
    }

    private static Optional<byte[]> pendingKey(Storage storage, Transaction txn, String username) throws StorageException {
        List<HeldEnvelope> held = storage.heldEnvelopes().forSender(txn, username);
        return held.isEmpty() ? Optional.empty() : Optional.of(held.get(held.size() - 1).identityKey());
    }

    private static Contact changed(Storage storage, Transaction txn, String username, ContactChangedEvent.Change change)
            throws StorageException {
        Contact contact = storage.contacts().find(txn, username).orElseThrow();
        txn.attach(new ContactChangedEvent(contact, change));
        return contact;
    }

    private static Storage storage(ProfileCrypto crypto) {
        return crypto.storage();
    }
}
