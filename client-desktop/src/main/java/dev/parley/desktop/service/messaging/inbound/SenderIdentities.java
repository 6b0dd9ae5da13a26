package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityKeyUpdate;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step between "opened envelope" and "decrypt": who sent it. Today: the name the envelope claims, and a known
 * contact writing with a new identity key is recorded (warning, sending blocked) first. Sender verification
 * (certificates, held key changes) belongs here, before any state changes.
 */
public final class SenderIdentities {
    private static final Logger LOG = LoggerFactory.getLogger(SenderIdentities.class);

    private final ProfileCrypto crypto;

    public SenderIdentities(ProfileCrypto crypto) {
        this.crypto = crypto;
    }

    /** The sender's username, once its identity key is noted. */
    public String sender(OpenedEnvelope opened) throws StorageException {
        String sender = opened.senderUsername().value();
        noteIdentity(sender, opened.senderIdentity());
        return sender;
    }

    private void noteIdentity(String sender, IdentityKey key) throws StorageException {
        Optional<Contact> known = crypto.state().contact(sender);
        if (known.isEmpty() || Arrays.equals(known.get().identityKey(), key.bytes())) {
            return;
        }
        Storage storage = crypto.storage();
        Optional<Contact> updated = storage.transactions().transactionWithResult(false, txn -> {
            Optional<Contact> contact = storage.contacts().find(txn, sender);
            if (contact.isEmpty() || Arrays.equals(contact.get().identityKey(), key.bytes())) {
                return Optional.<Contact>empty();
            }
            if (storage.contacts().updateIdentityKey(txn, sender, key.bytes()) != IdentityKeyUpdate.CHANGED) {
                return Optional.<Contact>empty();
            }
            Contact changed = storage.contacts().find(txn, sender).orElseThrow();
            txn.attach(new ContactChangedEvent(changed, ContactChangedEvent.Change.IDENTITY_CHANGED));
            return Optional.of(changed);
        });
        if (updated.isPresent()) {
            crypto.state().invalidateContact(sender);
            LOG.warn("a contact's identity key changed; sending to them is blocked until the user acknowledges it");
        }
    }
}
