package dev.parley.desktop.service.messaging;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.StorageException;
import java.util.Optional;

/**
 * Fellow group members who are not contacts here (issue #15, docs/protocol.md 1.15.3): a member whose sender key and
 * group messages came over a pairwise session without ever making them a contact or a request (1.12). Receipts for
 * their group messages go to them over that session, addressed to the identity key the session was made with; nothing
 * about them is stored (no contact row, no conversation, no request on either side).
 */
final class GroupPeers {
    private final ProfileCrypto crypto;

    GroupPeers(ProfileCrypto crypto) {
        this.crypto = crypto;
    }

    /**
     * {@code username} as an unstored recipient, if they are neither a contact nor blocked, share a group this profile
     * is active in, and this profile has a pairwise session with them; empty otherwise.
     */
    Optional<Contact> of(String username) throws ServiceException {
        boolean fellowMember;
        try {
            fellowMember = crypto.storage().transactions().transactionWithResult(true, txn ->
                    crypto.storage().contacts().find(txn, username).isEmpty()
                            && !crypto.storage().blocked().isBlocked(txn, username)
                            && crypto.storage().groups().list(txn).stream()
                                    .anyMatch(g -> g.active() && g.state().isMember(username)));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the groups", e);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!fellowMember) {
            return Optional.empty();
        }
        Optional<IdentityKey> key;
        crypto.lock().lock();
        try {
            key = crypto.state().begin().loadSession(new Username(username)).flatMap(SessionRecord::remoteIdentity);
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot read the session", e);
        } finally {
            crypto.lock().unlock();
        }
        return key.map(k -> new Contact(username, k.bytes(), false, IdentityChangeState.NONE, null,
                crypto.context().clock().instant()));
    }
}
