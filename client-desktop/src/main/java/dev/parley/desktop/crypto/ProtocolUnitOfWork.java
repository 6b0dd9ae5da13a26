package dev.parley.desktop.crypto;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityChange;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
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
import dev.parley.desktop.storage.IdentityKeyUpdate;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One load-compute-commit step of the session protocol: implements the five store ports over committed state plus
 * this unit's own buffered writes ({@link BufferedSecrets}, {@link UnitIdentities}; the prekey ports are
 * {@link UnitPreKeys}). Nothing reaches the database until {@link #commit(Transaction)}; after the transaction
 * commits, {@link #committed()} publishes the writes to the cache. Discarding the unit (not committing) leaves
 * everything as it was. Not thread-safe: one unit per operation, one operation at a time per profile.
 */
public final class ProtocolUnitOfWork
        implements SessionStore, IdentityKeyStore, PreKeyStore, SignedPreKeyStore, KemPreKeyStore {
    private final ProtocolStateStore state;
    private final BufferedSecrets secrets;
    private final UnitIdentities identities;
    private final UnitPreKeys preKeys;

    ProtocolUnitOfWork(ProtocolStateStore state) {
        this.state = state;
        this.secrets = new BufferedSecrets(state);
        this.identities = new UnitIdentities(state);
        this.preKeys = new UnitPreKeys(secrets);
    }

    /** The five ports, for {@code SessionCipher} and {@code SessionBuilder}. */
    public ProtocolStores stores() {
        return new ProtocolStores(this, this, preKeys, preKeys, preKeys);
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
        secrets.writeTo(txn);
        return identities.writeTo(txn);
    }

    /** Publishes the committed writes to the cache; call only after the transaction committed. */
    public void committed() {
        secrets.published();
        identities.published();
    }

    /**
     * Forgets the identity key this unit learnt for {@code username} (trust on first use), so that committing adds no
     * contact for them; their session step is still kept, so that their later messages decrypt. For envelopes from
     * someone who is not a contact that may not open a message request (issue #14).
     */
    public void forgetIdentity(String username) {
        identities.forget(username);
    }

    public boolean isEmpty() {
        return secrets.isEmpty() && identities.isEmpty();
    }

    // ------------------------------------------------------------------------------------------- buffered access

    Optional<byte[]> read(SecretNamespace namespace, String key) {
        return secrets.read(namespace, key);
    }

    void put(SecretNamespace namespace, String key, byte[] value) {
        secrets.put(namespace, key, value);
    }

    void delete(SecretNamespace namespace, String key) {
        secrets.delete(namespace, key);
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

    @Override
    public IdentityChange saveIdentity(Username peer, IdentityKey identityKey) {
        return identities.save(peer, identityKey);
    }

    @Override
    public boolean isTrustedIdentity(Username peer, IdentityKey identityKey, Direction direction) {
        return identities.isTrusted(peer, identityKey, direction);
    }

    @Override
    public Optional<IdentityKey> getIdentity(Username peer) {
        return identities.get(peer);
    }

    /** The device lists and this profile's own device, on this unit (issue #17). */
    public DeviceRecords devices() {
        return new DeviceRecords(this);
    }

    // ------------------------------------------------------------------------------- prekey ports ({@link UnitPreKeys})

    @Override
    public OneTimePreKeyRecord loadPreKey(int id) throws InvalidKeyIdException {
        return preKeys.loadPreKey(id);
    }

    @Override
    public void storePreKey(OneTimePreKeyRecord record) {
        preKeys.storePreKey(record);
    }

    @Override
    public boolean containsPreKey(int id) {
        return preKeys.containsPreKey(id);
    }

    @Override
    public void removePreKey(int id) {
        preKeys.removePreKey(id);
    }

    @Override
    public SignedPreKeyRecord loadSignedPreKey(int id) throws InvalidKeyIdException {
        return preKeys.loadSignedPreKey(id);
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        return preKeys.loadSignedPreKeys();
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        preKeys.storeSignedPreKey(record);
    }

    @Override
    public boolean containsSignedPreKey(int id) {
        return preKeys.containsSignedPreKey(id);
    }

    @Override
    public void removeSignedPreKey(int id) {
        preKeys.removeSignedPreKey(id);
    }

    @Override
    public KemPreKeyRecord loadKemPreKey(int id) throws InvalidKeyIdException {
        return preKeys.loadKemPreKey(id);
    }

    @Override
    public List<KemPreKeyRecord> loadKemPreKeys() {
        return preKeys.loadKemPreKeys();
    }

    @Override
    public void storeKemPreKey(KemPreKeyRecord record) {
        preKeys.storeKemPreKey(record);
    }

    @Override
    public boolean containsKemPreKey(int id) {
        return preKeys.containsKemPreKey(id);
    }

    @Override
    public void removeKemPreKey(int id) {
        preKeys.removeKemPreKey(id);
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
