package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.UserProfile;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the own profile (issue #14) to contacts only, once one of us wrote, once per version: after the first message
 * to a contact, when
 * their message request is accepted, and to every contact when it changes. Never to a message request, a blocked user
 * or a contact whose new key is unacknowledged ({@link Recipients#mayReceiveAutomatic}). Each send is a stored payload
 * whose transaction records the version sent ({@code profile_shared}).
 */
public final class ProfileSharing {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileSharing.class);

    private final Storage storage;
    private final Recipients recipients;
    private final Outbound outbound;
    private final Supplier<String> ownUsername;

    ProfileSharing(Storage storage, Recipients recipients, Outbound outbound, Supplier<String> ownUsername) {
        this.storage = storage;
        this.recipients = recipients;
        this.outbound = outbound;
        this.ownUsername = ownUsername;
    }

    /** Sends the own profile to {@code username} if they may have it and lack this version; failures are logged. */
    public boolean shareIfStale(String username) {
        try {
            Optional<UserProfile> own = own();
            if (own.isEmpty()) {
                return false;
            }
            Contact contact = recipients.find(username);
            if (!recipients.mayReceiveAutomatic(contact) || !haveTalked(username)) {
                return false;
            }
            long sent = storage.transactions().transactionWithResult(true,
                    txn -> storage.profiles().sharedVersion(txn, username));
            UserProfile p = own.get();
            if (sent >= p.version()) {
                return false;
            }
            outbound.stored(contact, new Payload.Profile(p.version(), p.displayName(), p.about(), p.avatar()),
                    outbound.newOutboxId(), txn -> {
                        storage.profiles().setSharedVersion(txn, username, p.version());
                        return null;
                    });
            return true;
        } catch (UnknownContactException e) {
            return false;
        } catch (ServiceException | StorageException e) {
            LOG.info("profile not shared: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Issue #17: sends the own profile, just changed here, to this account's other devices, which keep it as their own
     * (the higher version wins); nothing with one device. A failure is logged: the change itself stands.
     */
    public void toOwnDevices(UserProfile p) {
        try {
            outbound.toOwnDevices(new Payload.Profile(p.version(), p.displayName(), p.about(), p.avatar()));
        } catch (ServiceException e) {
            LOG.info("profile not sent to this account's other devices: {}", e.getMessage());
        }
    }

    /** Sends the own profile to every contact that lacks its version; returns to how many. */
    public int shareWithAll() throws ServiceException {
        List<Contact> contacts;
        try {
            contacts = storage.transactions().transactionWithResult(true, txn -> storage.contacts().list(txn));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read contacts", e);
        }
        int shared = 0;
        for (Contact contact : contacts) {
            if (shareIfStale(contact.username())) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * Whether a conversation with them exists (one of us wrote). Before that they may not have this profile as a
     * contact, and a receiver drops a profile from someone who is neither a contact nor a request that wrote
     * (docs/protocol.md 1.12): shared then, it would be lost and recorded as sent, so the first message goes first.
     */
    private boolean haveTalked(String username) throws StorageException {
        return storage.transactions().transactionWithResult(true,
                txn -> storage.conversations().find(txn, dev.parley.desktop.storage.ConversationId.direct(username))
                        .isPresent());
    }

    private Optional<UserProfile> own() throws StorageException {
        return storage.transactions().transactionWithResult(true, txn -> storage.profiles().find(txn, ownUsername.get()));
    }
}
