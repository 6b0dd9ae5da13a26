package dev.parley.desktop.service.messaging;

import dev.parley.desktop.service.BlockedUserException;
import dev.parley.desktop.service.IdentityChangedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;

/** Looks up the contact a payload goes to, with the errors the user sees. */
final class Recipients {
    private final Storage storage;

    Recipients(Storage storage) {
        this.storage = storage;
    }

    /** The contact, whatever its identity-change state. */
    Contact find(String contactName) throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> storage.contacts().find(txn, contactName))
                    .orElseThrow(() -> new UnknownContactException("no such contact"));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read contacts", e);
        } catch (IllegalArgumentException e) {
            throw new UnknownContactException("no such contact");
        }
    }

    /**
     * The contact, if nothing blocks sending to it: an unacknowledged identity change does, and so does blocking
     * them (issue #14).
     */
    Contact sendable(String contactName) throws ServiceException {
        Contact contact = find(contactName);
        if (contact.identityChange() == IdentityChangeState.CHANGED_UNACKNOWLEDGED) {
            throw new IdentityChangedException("this contact's identity key changed; acknowledge the change first");
        }
        if (isBlocked(contactName)) {
            throw new BlockedUserException("this user is blocked; unblock them first");
        }
        return contact;
    }

    /**
     * Whether automatic payloads (receipts, typing, presence, profile) may go to this contact: not while their
     * message request is unaccepted, their new key unacknowledged, or they are blocked (issue #14).
     */
    boolean mayReceiveAutomatic(Contact contact) throws ServiceException {
        return contact.identityChange() == IdentityChangeState.NONE && !isBlocked(contact.username());
    }

    /**
     * Whether receipts may go to this contact: as {@link #mayReceiveAutomatic}, except that a message request who is
     * a fellow member of a group this profile is active in may get them (issue #15: group members are often not
     * contacts, and the author of a group message needs its receipts for "Read by 3 of 5").
     */
    boolean mayReceiveReceipts(Contact contact) throws ServiceException {
        if (contact.identityChange() == IdentityChangeState.REQUEST && !isBlocked(contact.username())) {
            return sharesActiveGroup(contact.username());
        }
        return mayReceiveAutomatic(contact);
    }

    private boolean sharesActiveGroup(String username) throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> storage.groups().list(txn).stream()
                    .anyMatch(g -> g.active() && g.state().isMember(username)));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read groups", e);
        }
    }

    private boolean isBlocked(String username) throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> storage.blocked().isBlocked(txn, username));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the blocked list", e);
        }
    }
}
