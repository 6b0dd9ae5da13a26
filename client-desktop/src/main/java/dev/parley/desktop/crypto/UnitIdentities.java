package dev.parley.desktop.crypto;

import dev.parley.crypto.identity.IdentityChange;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.store.IdentityKeyStore.Direction;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.IdentityKeyUpdate;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contact identities a {@link ProtocolUnitOfWork} learnt (trust on first use) or saw change, buffered until the
 * unit commits. Identities are per account (issue #17): every device of bob ({@code bob}, {@code bob:2}, ...) has
 * bob's key, and the devices of this profile's own account have its own identity key, which is never a contact.
 */
final class UnitIdentities {
    private final ProtocolStateStore state;
    private final Map<String, byte[]> writes = new LinkedHashMap<>();

    UnitIdentities(ProtocolStateStore state) {
        this.state = state;
    }

    IdentityChange save(Username peer, IdentityKey identityKey) {
        String account = DeviceAddress.accountOf(peer.value());
        if (isOwnAccount(account)) {
            return ownKey().equals(identityKey) ? IdentityChange.UNCHANGED : IdentityChange.REPLACED;
        }
        Optional<byte[]> known = identityKeyOf(account);
        if (known.isPresent() && Arrays.equals(known.get(), identityKey.bytes())) {
            return IdentityChange.UNCHANGED;
        }
        writes.put(account, identityKey.bytes());
        return known.isEmpty() ? IdentityChange.NEW : IdentityChange.REPLACED;
    }

    /**
     * Trust on first use (the username is certified by the relay before this is asked); a known contact is trusted
     * only with exactly its stored key, and for sending only when no identity-change warning is pending. The own
     * account's other devices are trusted with exactly the own identity key.
     */
    boolean isTrusted(Username peer, IdentityKey identityKey, Direction direction) {
        String account = DeviceAddress.accountOf(peer.value());
        if (isOwnAccount(account)) {
            return ownKey().equals(identityKey);
        }
        byte[] pending = writes.get(account);
        if (pending != null) {
            return Arrays.equals(pending, identityKey.bytes())
                    && (direction == Direction.RECEIVING || contact(account).isEmpty());
        }
        Optional<Contact> contact = contact(account);
        if (contact.isEmpty()) {
            return true;
        }
        if (!Arrays.equals(contact.get().identityKey(), identityKey.bytes())) {
            return false;
        }
        return direction == Direction.RECEIVING
                || contact.get().identityChange() != IdentityChangeState.CHANGED_UNACKNOWLEDGED;
    }

    Optional<IdentityKey> get(Username peer) {
        String account = DeviceAddress.accountOf(peer.value());
        if (isOwnAccount(account)) {
            return Optional.of(ownKey());
        }
        return identityKeyOf(account).map(IdentityKey::new);
    }

    void forget(String username) {
        writes.remove(username);
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** Inside {@code txn}: adds the new contacts and updates the changed keys (cached contacts dropped first). */
    List<ProtocolUnitOfWork.IdentityOutcome> writeTo(Transaction txn) throws StorageException {
        writes.keySet().forEach(state::invalidateContact);
        List<ProtocolUnitOfWork.IdentityOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : writes.entrySet()) {
            String username = entry.getKey();
            if (state.storage().contacts().find(txn, username).isEmpty()) {
                state.storage().contacts().add(txn, Contact.of(username, entry.getValue(), state.clock().instant()));
                outcomes.add(new ProtocolUnitOfWork.IdentityOutcome(username, IdentityKeyUpdate.CHANGED, true));
            } else {
                outcomes.add(new ProtocolUnitOfWork.IdentityOutcome(username,
                        state.storage().contacts().updateIdentityKey(txn, username, entry.getValue()), false));
            }
        }
        return outcomes;
    }

    /** After the transaction committed: the cached contacts are read again, and the buffer is emptied. */
    void published() {
        writes.keySet().forEach(state::invalidateContact);
        writes.clear();
    }

    private Optional<Contact> contact(String username) {
        try {
            return state.contact(username);
        } catch (StorageException e) {
            throw new ProtocolStorageException("cannot read contacts", e);
        }
    }

    private Optional<byte[]> identityKeyOf(String username) {
        byte[] pending = writes.get(username);
        if (pending != null) {
            return Optional.of(pending.clone());
        }
        return contact(username).map(Contact::identityKey);
    }

    private boolean isOwnAccount(String account) {
        try {
            return state.ownUsername().map(account::equals).orElse(false);
        } catch (StorageException e) {
            throw new ProtocolStorageException("cannot read the account", e);
        }
    }

    private IdentityKey ownKey() {
        return state.identity().publicKey();
    }
}
