package dev.parley.desktop.service.group;

import dev.parley.crypto.identity.Username;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.service.messaging.DefaultMessagingService;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.StorageException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pairwise sessions a group needs: a member who is not a contact yet, or has no session, gets one (their bundle
 * is fetched from the relay, as {@code add-contact} does). Call outside the protocol lock: it may use the network.
 */
final class GroupMembers {
    private static final Logger LOG = LoggerFactory.getLogger(GroupMembers.class);

    private final ProfileCrypto crypto;
    private final DefaultMessagingService.SessionStarter sessions;

    GroupMembers(ProfileCrypto crypto, DefaultMessagingService.SessionStarter sessions) {
        this.crypto = crypto;
        this.sessions = sessions;
    }

    /** Every one of {@code usernames} as a contact with a session; a failure (an unknown user) is thrown. */
    List<Contact> require(Collection<String> usernames) throws ServiceException {
        List<Contact> contacts = new ArrayList<>(usernames.size());
        for (String username : usernames) {
            contacts.add(require(username));
        }
        return contacts;
    }

    /**
     * Those of {@code usernames} that can be written to now; members whose new identity key is unacknowledged, who are
     * blocked, or who cannot be reached are left out of this send (logged, not named).
     */
    List<Contact> sendable(Collection<String> usernames) throws ServiceException {
        List<Contact> contacts = new ArrayList<>(usernames.size());
        for (String username : usernames) {
            try {
                Contact contact = require(username);
                if (contact.identityChange() != IdentityChangeState.CHANGED_UNACKNOWLEDGED && !blocked(username)) {
                    contacts.add(contact);
                } else {
                    LOG.info("leaving a group member out of a send: new key unacknowledged or blocked");
                }
            } catch (UnknownContactException e) {
                LOG.info("leaving a group member out of a send: {}", e.getClass().getSimpleName());
            }
        }
        return contacts;
    }

    private Contact require(String username) throws ServiceException {
        Optional<Contact> known = find(username);
        if (known.isEmpty() || !hasSession(username)) {
            sessions.start(username);
            known = find(username);
        }
        return known.orElseThrow(() -> new UnknownContactException("no such contact"));
    }

    private Optional<Contact> find(String username) throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true,
                    txn -> crypto.storage().contacts().find(txn, username));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read contacts", e);
        }
    }

    private boolean blocked(String username) throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true,
                    txn -> crypto.storage().blocked().isBlocked(txn, username));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the blocked list", e);
        }
    }

    private boolean hasSession(String username) throws ServiceException {
        crypto.lock().lock();
        try {
            return crypto.state().begin().devices().hasAnySession(username);
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot read the session", e);
        } finally {
            crypto.lock().unlock();
        }
    }
}
