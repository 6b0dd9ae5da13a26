package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.PresenceVisibility;
import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence (issue #14), on ephemeral frames: kept only from an accepted contact (not from a message request or a
 * stranger; blocked senders never get here) and only while this profile's presence setting is not NOBODY. The time it
 * was heard is stored as the contact's "last seen"; the live state goes to the {@link PresenceInbox} after commit.
 */
final class PresenceHandler implements PayloadHandler<Payload.Presence> {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceHandler.class);

    private final Storage storage;
    private final PresenceInbox inbox;

    PresenceHandler(Storage storage, PresenceInbox inbox) {
        this.storage = storage;
        this.inbox = inbox;
    }

    @Override
    public Class<Payload.Presence> type() {
        return Payload.Presence.class;
    }

    @Override
    public boolean ephemeral() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Presence>> received, ReceivedBatch batch)
            throws StorageException {
        if (storage.settings().get(txn, Setting.PRESENCE) == PresenceVisibility.NOBODY) {
            return;
        }
        for (Received<Payload.Presence> r : received) {
            Optional<Contact> contact = storage.contacts().find(txn, r.sender());
            if (contact.isEmpty() || contact.get().identityChange() != IdentityChangeState.NONE) {
                LOG.debug("ignoring presence from someone who is not an accepted contact");
                continue;
            }
            storage.presence().recordSeen(txn, r.sender(), batch.now());
            Payload.Presence p = r.payload();
            batch.afterCommit(() -> inbox.received(r.sender(), r.senderDevice(), p.online(), p.replyWanted()));
        }
    }
}
