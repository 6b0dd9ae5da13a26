package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this profile's presence (issue #14) as ephemeral payloads, to accepted contacts only: never to a message
 * request, a blocked user or a contact whose new key is unacknowledged ({@link Recipients#mayReceiveAutomatic}).
 * Best effort: a contact that cannot be sent to is skipped, and the relay drops frames for offline recipients.
 */
public final class PresenceAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceAnnouncer.class);

    private final Storage storage;
    private final Recipients recipients;
    private final Outbound outbound;

    PresenceAnnouncer(Storage storage, Recipients recipients, Outbound outbound) {
        this.storage = storage;
        this.recipients = recipients;
        this.outbound = outbound;
    }

    /**
     * The contacts presence goes to: accepted, key acknowledged, not blocked; read in one transaction (issue #14).
     */
    public List<Contact> recipients() throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> {
                java.util.Set<String> blocked = java.util.Set.copyOf(storage.blocked().list(txn));
                return storage.contacts().list(txn).stream()
                        .filter(c -> c.identityChange() == IdentityChangeState.NONE && !blocked.contains(c.username()))
                        .toList();
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read contacts", e);
        }
    }

    /** Sends to every accepted contact at once; returns to how many it went. */
    public int toAll(boolean online, boolean replyWanted) throws ServiceException {
        return toSome(recipients(), online, replyWanted);
    }

    /**
     * Sends to {@code contacts} (from {@link #recipients()}): encrypted on one protocol unit of work, the session states
     * committed in one transaction, handed to the connection together; returns to how many it went.
     */
    public int toSome(List<Contact> contacts, boolean online, boolean replyWanted) throws ServiceException {
        return contacts.isEmpty() ? 0 : outbound.ephemeralAll(contacts, new Payload.Presence(online, replyWanted));
    }

    /**
     * Presence for {@code contacts} (from {@link #recipients()}), encrypted and committed but not sent: the items, for
     * the connection to send after the profile's storage closed (going offline as it locks, issue #14).
     */
    public List<dev.parley.desktop.service.connection.Outbox.Item> seal(List<Contact> contacts, boolean online,
                                                                        boolean replyWanted) throws ServiceException {
        return contacts.isEmpty() ? List.of()
                : outbound.sealEphemeralAll(contacts, new Payload.Presence(online, replyWanted)).items();
    }

    /** Sends to one contact if they are an accepted contact; false if not sent. */
    public boolean to(String username, boolean online, boolean replyWanted) {
        try {
            return send(recipients.find(username), online, replyWanted);
        } catch (ServiceException e) {
            LOG.debug("presence not sent: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private boolean send(Contact contact, boolean online, boolean replyWanted) {
        try {
            if (!recipients.mayReceiveAutomatic(contact)) {
                return false;
            }
            outbound.ephemeral(contact, new Payload.Presence(online, replyWanted));
            return true;
        } catch (ServiceException e) {
            LOG.debug("presence not sent to a contact: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
