package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.DeviceSyncPayloads.ContactSync.Change;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.service.contact.PeopleChanges;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contact sync (issue #17, CONTACT_SYNC, docs/protocol.md 1.18): this account added, removed, blocked, unblocked,
 * verified or unverified a contact on another of its devices, and this device does the same. An added contact is
 * stored with the identity key the other device added (a session starts from the relay's bundle at the first send,
 * checked against that key); a contact whose stored key differs is left as it is, and "verified" is set only for the
 * very key that was compared. Taken only from this account's own devices; the protocol state's cached contacts are
 * dropped after the commit.
 */
final class ContactSyncHandler implements PayloadHandler<Payload.ContactSync> {
    private static final Logger LOG = LoggerFactory.getLogger(ContactSyncHandler.class);

    private final Storage storage;
    private final Runnable contactsChanged;

    ContactSyncHandler(Storage storage, Runnable contactsChanged) {
        this.storage = storage;
        this.contactsChanged = contactsChanged;
    }

    @Override
    public Class<Payload.ContactSync> type() {
        return Payload.ContactSync.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.ContactSync>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        boolean changed = false;
        for (Received<Payload.ContactSync> r : received) {
            Payload.ContactSync sync = r.payload();
            if (own.isEmpty() || !own.get().equals(r.sender()) || r.inGroup() || own.get().equals(sync.username())) {
                continue;
            }
            changed = true;
            String username = sync.username();
            switch (sync.change()) {
                case ADDED -> add(txn, username, sync.identityKey(), batch);
                case REMOVED, REMOVED_WITH_HISTORY -> PeopleChanges.remove(storage, txn, username,
                        sync.change() == Change.REMOVED_WITH_HISTORY);
                case BLOCKED -> PeopleChanges.block(storage, txn, username, batch.now());
                case UNBLOCKED -> PeopleChanges.unblock(storage, txn, username);
                case VERIFIED, UNVERIFIED -> verify(txn, username, sync);
                default -> LOG.debug("ignoring an unknown contact change");
            }
        }
        if (changed) {
            batch.afterCommit(contactsChanged);
        }
    }

    private void add(Transaction txn, String username, byte[] key, ReceivedBatch batch) throws StorageException {
        Optional<Contact> existing = storage.contacts().find(txn, username);
        if (existing.isEmpty()) {
            if (storage.blocked().list(txn).contains(username)) {
                return;
            }
            Contact contact = Contact.of(username, key, batch.now());
            storage.contacts().add(txn, contact);
            txn.attach(new ContactChangedEvent(contact, ContactChangedEvent.Change.ADDED));
        } else if (!Arrays.equals(existing.get().identityKey(), key)) {
            LOG.info("a contact added on another device has another identity key here; left as it is");
        } else if (existing.get().identityChange() == IdentityChangeState.REQUEST) {
            storage.contacts().setIdentityChange(txn, username, IdentityChangeState.NONE);
            txn.attach(new ContactChangedEvent(storage.contacts().find(txn, username).orElseThrow(),
                    ContactChangedEvent.Change.REQUEST_ACCEPTED));
        }
    }

    private void verify(Transaction txn, String username, Payload.ContactSync sync) throws StorageException {
        Optional<Contact> contact = storage.contacts().find(txn, username);
        boolean verified = sync.change() == Change.VERIFIED;
        if (contact.isEmpty() || verified && (!Arrays.equals(contact.get().identityKey(), sync.identityKey())
                || contact.get().identityChange() == IdentityChangeState.CHANGED_UNACKNOWLEDGED)) {
            return;
        }
        if (contact.get().verified() != verified && storage.contacts().setVerified(txn, username, verified)) {
            txn.attach(new ContactChangedEvent(storage.contacts().find(txn, username).orElseThrow(), verified
                    ? ContactChangedEvent.Change.VERIFIED : ContactChangedEvent.Change.VERIFICATION_CLEARED));
        }
    }
}
