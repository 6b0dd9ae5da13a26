package dev.parley.desktop.crypto;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityChange;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.OneTimePreKeyRecord;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.store.IdentityKeyStore;
import dev.parley.crypto.store.KemPreKeyStore;
import dev.parley.crypto.store.PreKeyStore;
import dev.parley.crypto.store.ProtocolStores;
import dev.parley.crypto.store.SessionStore;
import dev.parley.crypto.store.SignedPreKeyStore;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.IdentityKeyUpdate;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One load-compute-commit step of the session protocol: implements the five store ports over committed state plus
 * this unit's own buffered writes. Nothing reaches the database until {@link #commit(Transaction)}; after the
 * transaction commits, {@link #committed()} publishes the writes to the cache. Discarding the unit (not committing)
 * leaves everything as it was. Not thread-safe: one unit per operation, one operation at a time per profile.
 */
public final class ProtocolUnitOfWork
        implements SessionStore, IdentityKeyStore, PreKeyStore, SignedPreKeyStore, KemPreKeyStore {
    private final ProtocolStateStore state;
    private final Map<SecretNamespace, Map<String, Optional<byte[]>>> writes = new LinkedHashMap<>();
    private final Map<String, byte[]> identityWrites = new LinkedHashMap<>();

    ProtocolUnitOfWork(ProtocolStateStore state) {
        this.state = state;
    }

    /** The five ports, for {@code SessionCipher} and {@code SessionBuilder}. */
    public ProtocolStores stores() {
        return new ProtocolStores(this, this, this, this, this);
    }

    /** What a contact-identity write did, for events. */
    public record IdentityOutcome(String username, IdentityKeyUpdate update, boolean added) {
    }

    /**
     * Writes the buffered changes inside {@code txn}: protocol entries, new contacts (trust on first use) and
     * identity-key updates. The cached values of every entry written are dropped first, so that whatever happens to
     * the transaction (rolled back, or committed and then an error such as a failed CHECKPOINT, after which the
     * caller never reaches {@link #committed()}), the next unit reads the database's truth and never a stale ratchet
     * state (finding 5 of the security review: a stale state would reuse message keys).
     */
    public List<IdentityOutcome> commit(Transaction txn) throws StorageException {
        for (Map.Entry<SecretNamespace, Map<String, Optional<byte[]>>> ns : writes.entrySet()) {
            for (Map.Entry<String, Optional<byte[]>> entry : ns.getValue().entrySet()) {
                state.invalidate(ns.getKey(), entry.getKey());
                state.write(txn, ns.getKey(), entry.getKey(), entry.getValue());
            }
        }
        identityWrites.keySet().forEach(state::invalidateContact);
        List<IdentityOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : identityWrites.entrySet()) {
            String username = entry.getKey();
            if (state.storage().contacts().find(txn, username).isEmpty()) {
                state.storage().contacts().add(txn, Contact.of(username, entry.getValue(), state.clock().instant()));
                outcomes.add(new IdentityOutcome(username, IdentityKeyUpdate.CHANGED, true));
            } else {
                outcomes.add(new IdentityOutcome(username,
                        state.storage().contacts().updateIdentityKey(txn, username, entry.getValue()), false));
            }
        }
        return outcomes;
    }

    /** Publishes the committed writes to the cache; call only after the transaction committed. */
    public void committed() {
        for (Map.Entry<SecretNamespace, Map<String, Optional<byte[]>>> ns : writes.entrySet()) {
            for (Map.Entry<String, Optional<byte[]>> entry : ns.getValue().entrySet()) {
                state.afterCommit(ns.getKey(), entry.getKey(), entry.getValue());
            }
        }
        identityWrites.keySet().forEach(state::invalidateContact);
        writes.values().forEach(ns -> ns.values().forEach(value -> value.ifPresent(SecretBytes::wipe)));
        writes.clear();
        identityWrites.clear();
    }

    /**
     * Forgets the identity key this unit learnt for {@code username} (trust on first use), so that committing adds no
     * contact for them; their session step is still kept, so that their later messages decrypt. For envelopes from
     * someone who is not a contact that may not open a message request (issue #14).
     */
    public void forgetIdentity(String username) {
        identityWrites.remove(username);
    }

    public boolean isEmpty() {
        return writes.isEmpty() && identityWrites.isEmpty();
    }

    // ------------------------------------------------------------------------------------------- buffered access

    Optional<byte[]> read(SecretNamespace namespace, String key) {
        Map<String, Optional<byte[]>> ns = writes.get(namespace);
        if (ns != null && ns.containsKey(key)) {
            return ns.get(key).map(byte[]::clone);
        }
        try {
            return state.read(namespace, key);
        } catch (StorageException e) {
            throw new ProtocolStorageException("cannot read protocol state", e);
        }
    }

    void put(SecretNamespace namespace, String key, byte[] value) {
        writes.computeIfAbsent(namespace, n -> new LinkedHashMap<>()).put(key, Optional.of(value.clone()));
    }

    void delete(SecretNamespace namespace, String key) {
        writes.computeIfAbsent(namespace, n -> new LinkedHashMap<>()).put(key, Optional.empty());
    }

    private Optional<Contact> contact(String username) {
        try {
            return state.contact(username);
        } catch (StorageException e) {
            throw new ProtocolStorageException("cannot read contacts", e);
        }
    }

    private Optional<byte[]> identityKeyOf(String username) {
        byte[] pending = identityWrites.get(username);
        if (pending != null) {
            return Optional.of(pending.clone());
        }
        return contact(username).map(Contact::identityKey);
    }

    // ------------------------------------------------------------------------------------------- SessionStore

    @Override
    public Optional<SessionRecord> loadSession(Username peer) {
        Optional<byte[]> bytes = read(SecretNamespace.SESSIONS, peer.value());
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionRecord.deserialize(bytes.get()));
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new ProtocolStorageException("stored session is unreadable", e);
        } finally {
            Arrays.fill(bytes.get(), (byte) 0);
        }
    }

    @Override
    public void storeSession(Username peer, SessionRecord record) {
        put(SecretNamespace.SESSIONS, peer.value(), record.serialize());
    }

    @Override
    public boolean containsSession(Username peer) {
        return read(SecretNamespace.SESSIONS, peer.value()).isPresent();
    }

    @Override
    public void deleteSession(Username peer) {
        delete(SecretNamespace.SESSIONS, peer.value());
    }

    // ------------------------------------------------------------------------------------------- IdentityKeyStore

    @Override
    public IdentityKeyPair getIdentityKeyPair() {
        return state.identity();
    }

    /**
     * Identities are per account (issue #17): every device of bob ({@code bob}, {@code bob:2}, ...) has bob's key,
     * and the devices of this profile's own account have its own identity key, which is never a contact.
     */
    @Override
    public IdentityChange saveIdentity(Username peer, IdentityKey identityKey) {
        String account = DeviceAddress.accountOf(peer.value());
        if (isOwnAccount(account)) {
            return ownKey().equals(identityKey) ? IdentityChange.UNCHANGED : IdentityChange.REPLACED;
        }
        Optional<byte[]> known = identityKeyOf(account);
        if (known.isPresent() && Arrays.equals(known.get(), identityKey.bytes())) {
            return IdentityChange.UNCHANGED;
        }
        identityWrites.put(account, identityKey.bytes());
        return known.isEmpty() ? IdentityChange.NEW : IdentityChange.REPLACED;
    }

    /**
     * Trust on first use (the username is certified by the relay before this is asked); a known contact is trusted
     * only with exactly its stored key, and for sending only when no identity-change warning is pending. The own
     * account's other devices are trusted with exactly the own identity key.
     */
    @Override
    public boolean isTrustedIdentity(Username peer, IdentityKey identityKey, Direction direction) {
        String account = DeviceAddress.accountOf(peer.value());
        if (isOwnAccount(account)) {
            return ownKey().equals(identityKey);
        }
        byte[] pending = identityWrites.get(account);
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

    @Override
    public Optional<IdentityKey> getIdentity(Username peer) {
        String account = DeviceAddress.accountOf(peer.value());
        if (isOwnAccount(account)) {
            return Optional.of(ownKey());
        }
        return identityKeyOf(account).map(IdentityKey::new);
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

    /** The device lists and this profile's own device, on this unit (issue #17). */
    public DeviceRecords devices() {
        return new DeviceRecords(this);
    }

    // ------------------------------------------------------------------------------------------- PreKeyStore

    @Override
    public OneTimePreKeyRecord loadPreKey(int id) throws InvalidKeyIdException {
        Optional<byte[]> bytes = read(SecretNamespace.PREKEYS, Integer.toString(id));
        if (bytes.isEmpty()) {
            throw new InvalidKeyIdException("no one-time prekey with this id");
        }
        try {
            return OneTimePreKeyRecord.deserialize(bytes.get());
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new ProtocolStorageException("stored one-time prekey is unreadable", e);
        } finally {
            Arrays.fill(bytes.get(), (byte) 0);
        }
    }

    @Override
    public void storePreKey(OneTimePreKeyRecord record) {
        put(SecretNamespace.PREKEYS, Integer.toString(record.id()), record.serialize());
    }

    @Override
    public boolean containsPreKey(int id) {
        return read(SecretNamespace.PREKEYS, Integer.toString(id)).isPresent();
    }

    @Override
    public void removePreKey(int id) {
        delete(SecretNamespace.PREKEYS, Integer.toString(id));
    }

    // ------------------------------------------------------------------------------------------- SignedPreKeyStore

    @Override
    public SignedPreKeyRecord loadSignedPreKey(int id) throws InvalidKeyIdException {
        Optional<byte[]> bytes = read(SecretNamespace.SIGNED_PREKEYS, Integer.toString(id));
        if (bytes.isEmpty()) {
            throw new InvalidKeyIdException("no signed prekey with this id");
        }
        try {
            return SignedPreKeyRecord.deserialize(bytes.get());
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new ProtocolStorageException("stored signed prekey is unreadable", e);
        } finally {
            Arrays.fill(bytes.get(), (byte) 0);
        }
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        List<SignedPreKeyRecord> records = new ArrayList<>();
        for (String key : keysOf(SecretNamespace.SIGNED_PREKEYS)) {
            try {
                records.add(loadSignedPreKey(Integer.parseInt(key)));
            } catch (InvalidKeyIdException e) {
                continue;
            }
        }
        records.sort(Comparator.comparingInt(SignedPreKeyRecord::id));
        return records;
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        put(SecretNamespace.SIGNED_PREKEYS, Integer.toString(record.id()), record.serialize());
    }

    @Override
    public boolean containsSignedPreKey(int id) {
        return read(SecretNamespace.SIGNED_PREKEYS, Integer.toString(id)).isPresent();
    }

    @Override
    public void removeSignedPreKey(int id) {
        delete(SecretNamespace.SIGNED_PREKEYS, Integer.toString(id));
    }

    // ------------------------------------------------------------------------------------------- KemPreKeyStore

    @Override
    public KemPreKeyRecord loadKemPreKey(int id) throws InvalidKeyIdException {
        Optional<byte[]> bytes = read(SecretNamespace.KEM_PREKEYS, Integer.toString(id));
        if (bytes.isEmpty()) {
            throw new InvalidKeyIdException("no KEM prekey with this id");
        }
        try {
            return KemPreKeyRecord.deserialize(bytes.get());
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new ProtocolStorageException("stored KEM prekey is unreadable", e);
        } finally {
            Arrays.fill(bytes.get(), (byte) 0);
        }
    }

    @Override
    public List<KemPreKeyRecord> loadKemPreKeys() {
        List<KemPreKeyRecord> records = new ArrayList<>();
        for (String key : keysOf(SecretNamespace.KEM_PREKEYS)) {
            try {
                records.add(loadKemPreKey(Integer.parseInt(key)));
            } catch (InvalidKeyIdException e) {
                continue;
            }
        }
        records.sort(Comparator.comparingInt(KemPreKeyRecord::id));
        return records;
    }

    @Override
    public void storeKemPreKey(KemPreKeyRecord record) {
        put(SecretNamespace.KEM_PREKEYS, Integer.toString(record.id()), record.serialize());
    }

    @Override
    public boolean containsKemPreKey(int id) {
        return read(SecretNamespace.KEM_PREKEYS, Integer.toString(id)).isPresent();
    }

    @Override
    public void removeKemPreKey(int id) {
        delete(SecretNamespace.KEM_PREKEYS, Integer.toString(id));
    }

    /** The committed keys of {@code namespace} plus this unit's pending additions (deleted ones fail to load). */
    private List<String> keysOf(SecretNamespace namespace) {
        List<String> keys;
        try {
            keys = state.storage().transactions().transactionWithResult(true,
                    txn -> state.storage().secrets().keys(txn, namespace));
        } catch (StorageException e) {
            throw new ProtocolStorageException("cannot list prekeys", e);
        }
        List<String> all = new ArrayList<>(keys);
        Map<String, Optional<byte[]>> pending = writes.getOrDefault(namespace, Map.of());
        pending.forEach((key, value) -> {
            if (value.isPresent() && !all.contains(key)) {
                all.add(key);
            }
        });
        return all;
    }

    // ------------------------------------------------------------------------------------------- counters

    /** Reads a counter from the protocol metadata (0 if never set). */
    public int counter(String name) {
        return read(ProtocolStateStore.META, name).map(b -> java.nio.ByteBuffer.wrap(b).getInt()).orElse(0);
    }

    public void setCounter(String name, int value) {
        put(ProtocolStateStore.META, name, java.nio.ByteBuffer.allocate(4).putInt(value).array());
    }
}
