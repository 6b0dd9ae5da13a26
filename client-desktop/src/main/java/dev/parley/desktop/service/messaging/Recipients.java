package dev.parley.desktop.service.messaging;

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

    /** The contact, if nothing blocks sending to it (an unacknowledged identity change does). */
    Contact sendable(String contactName) throws ServiceException {
        Contact contact = find(contactName);
        if (contact.identityChange() == IdentityChangeState.CHANGED_UNACKNOWLEDGED) {
            throw new IdentityChangedException("this contact's identity key changed; acknowledge the change first");
        }
        return contact;
    }
}
