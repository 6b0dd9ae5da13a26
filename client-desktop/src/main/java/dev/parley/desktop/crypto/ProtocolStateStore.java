package dev.parley.desktop.crypto;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.crypto.session.SessionRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session protocol's state (sessions, prekeys, identity) kept in the profile's encrypted {@code SecretStore},
 * with a write-through cache of committed values. The protocol's store ports are served by {@link ProtocolUnitOfWork}s:
 * each one reads committed state, buffers its writes, and commits them inside the caller's database transaction,
 * so a message and the ratchet state that decrypted it are stored together or not at all.
 *
 * <p>This profile is the only writer of its database, so the cache stays exact. Callers serialize units of work
 * (one at a time) for the whole profile.
 */
public final class ProtocolStateStore {
    static final SecretNamespace META = new SecretNamespace("protocol-meta");

    static final String SELF = "self";

    private final Storage storage;
    private final CryptoProvider crypto;
    private final Clock clock;
    private volatile IdentityKeyPair identity;
    private volatile String ownUsername;
    private final Map<Key, Optional<byte[]>> cache = new ConcurrentHashMap<>();
    private final Map<String, Optional<Contact>> contactCache = new ConcurrentHashMap<>();

    public ProtocolStateStore(Storage storage, CryptoProvider crypto, Clock clock) {
        this.storage = storage;
        this.crypto = crypto;
        this.clock = clock;
    }

    public CryptoProvider crypto() {
        return crypto;
    }

    Clock clock() {
        return clock;
    }

    /** Whether the profile has an identity key yet. */
    public boolean hasIdentity() throws StorageException {
        return read(SecretNamespace.IDENTITY, SELF).isPresent();
    }

    /** Stores the profile's identity key pair inside {@code txn} (profile creation only). */
    public void storeIdentity(Transaction txn, IdentityKeyPair pair) throws StorageException {
        byte[] serialized = pair.serialize();
        try {
            storage.secrets().put(txn, SecretNamespace.IDENTITY, SELF, serialized);
        } finally {
            java.util.Arrays.fill(serialized, (byte) 0);
        }
        cache.remove(new Key(SecretNamespace.IDENTITY, SELF));
    }

    /**
     * The profile's identity key pair, loaded once.
     *
     * @throws ProtocolStorageException if it is missing or unreadable
     */
    public IdentityKeyPair identity() {
        IdentityKeyPair loaded = identity;
        if (loaded == null) {
            try {
                byte[] bytes = read(SecretNamespace.IDENTITY, SELF)
                        .orElseThrow(() -> new ProtocolStorageException("the profile has no identity key", null));
                try {
                    loaded = IdentityKeyPair.deserialize(crypto, bytes);
                } finally {
                    java.util.Arrays.fill(bytes, (byte) 0);
                }
            } catch (StorageException | UnsupportedVersionException | CorruptStateException e) {
                throw new ProtocolStorageException("cannot load the identity key", e);
            }
            identity = loaded;
        }
        return loaded;
    }

    public Storage storage() {
        return storage;
    }

    /**
     * This profile's own username (the account its devices share), loaded once; empty before the account record
     * exists (profile creation).
     */
    public Optional<String> ownUsername() throws StorageException {
        String loaded = ownUsername;
        if (loaded == null) {
            Optional<dev.parley.desktop.storage.AccountInfo> account = storage.transactions().transactionWithResult(true,
                    txn -> storage.account().get(txn));
            if (account.isEmpty()) {
                return Optional.empty();
            }
            loaded = account.get().username();
            ownUsername = loaded;
        }
        return Optional.of(loaded);
    }

    /** Committed value of an entry (a copy), reading through the cache. */
    Optional<byte[]> read(SecretNamespace namespace, String key) throws StorageException {
        Key k = new Key(namespace, key);
        Optional<byte[]> cached = cache.get(k);
        if (cached == null) {
            cached = storage.transactions().transactionWithResult(true, txn -> storage.secrets().get(txn, namespace, key));
            cache.put(k, cached);
        }
        return cached.map(byte[]::clone);
    }

    /** Committed contact, reading through the cache. */
    public Optional<Contact> contact(String username) throws StorageException {
        Optional<Contact> cached = contactCache.get(username);
        if (cached == null) {
            cached = storage.transactions().transactionWithResult(true, txn -> storage.contacts().find(txn, username));
            contactCache.put(username, cached);
        }
        return cached;
    }

    /** Writes an entry inside {@code txn}; call {@link #afterCommit} with the same values once it committed. */
    void write(Transaction txn, SecretNamespace namespace, String key, Optional<byte[]> value) throws StorageException {
        if (value.isPresent()) {
            storage.secrets().put(txn, namespace, key, value.get());
        } else {
            storage.secrets().delete(txn, namespace, key);
        }
    }

    /** Drops the cached value of an entry; the next read loads it from the database. */
    void invalidate(SecretNamespace namespace, String key) {
        cache.remove(new Key(namespace, key));
    }

    void afterCommit(SecretNamespace namespace, String key, Optional<byte[]> value) {
        Optional<byte[]> replaced = cache.put(new Key(namespace, key), value.map(byte[]::clone));
        if (replaced != null) {
            replaced.ifPresent(SecretBytes::wipe);
        }
    }

    /**
     * Wipes every cached value (ratchet states, prekeys, the serialized identity) and destroys the loaded identity
     * key pair; later reads load from the database again. Called when the profile locks (finding 14). Callers hold
     * the profile lock, so no unit of work is running.
     */
    public void wipeCache() {
        for (Optional<byte[]> value : cache.values()) {
            value.ifPresent(SecretBytes::wipe);
        }
        cache.clear();
        contactCache.clear();
        IdentityKeyPair loaded = identity;
        identity = null;
        if (loaded != null) {
            loaded.destroy();
        }
    }

    /** Number of cached entries (tests check that locking leaves none). */
    int cachedEntries() {
        return cache.size();
    }

    /** Drops a cached contact after anyone changed it (the contact service calls this after its transactions). */
    public void invalidateContact(String username) {
        contactCache.remove(username);
    }

    /**
     * Drops every cached entry and contact, so the next reads come from the database: after an operation failed at a
     * point where the cache may no longer match what was committed.
     */
    public void invalidateAll() {
        cache.clear();
        contactCache.clear();
    }

    /** META entry: the protocol version this profile's stored state was brought to (absent in a Parley 0.1 profile). */
    static final String STATE_VERSION = "state-version";
    /** The stored-state version of protocol v2. */
    static final int STATE_VERSION_V2 = 2;

    /** Whether the stored state was already brought to protocol v2 (read inside {@code txn}). */
    public boolean isAtProtocolV2(Transaction txn) throws StorageException {
        return storage.secrets().contains(txn, META, STATE_VERSION);
    }

    /**
     * Brings a profile's stored protocol state to v2 inside {@code txn} (a Parley 0.1 profile on its first unlock):
     * removes every session record in another format than {@link SessionRecord#FORMAT_VERSION} (v1 ratchet state that
     * v2 cannot continue; the next message to or from that peer starts a new v2 session) and records the state
     * version. Identity, contacts and prekeys are kept. Call {@link #invalidateAll} once {@code txn} committed.
     *
     * @return the peers whose sessions were removed, in stored order
     */
    public List<String> retireSessionsOfOtherVersions(Transaction txn) throws StorageException {
        List<String> retired = new ArrayList<>();
        for (String peer : storage.secrets().keys(txn, SecretNamespace.SESSIONS)) {
            Optional<byte[]> record = storage.secrets().get(txn, SecretNamespace.SESSIONS, peer);
            if (record.isEmpty()) {
                continue;
            }
            byte[] bytes = record.get();
            boolean current = bytes.length > 0 && bytes[0] == SessionRecord.FORMAT_VERSION;
            SecretBytes.wipe(bytes);
            if (!current) {
                storage.secrets().delete(txn, SecretNamespace.SESSIONS, peer);
                retired.add(peer);
            }
        }
        storage.secrets().put(txn, META, STATE_VERSION, java.nio.ByteBuffer.allocate(4).putInt(STATE_VERSION_V2).array());
        return retired;
    }

    /** A new unit of work over the committed state. */
    public ProtocolUnitOfWork begin() {
        return new ProtocolUnitOfWork(this);
    }

    private record Key(SecretNamespace namespace, String key) {
    }
}
