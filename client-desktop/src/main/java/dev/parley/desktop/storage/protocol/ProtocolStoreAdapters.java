package dev.parley.desktop.storage.protocol;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.store.ProtocolStores;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.TransactionFunction;
import java.util.Objects;

/**
 * The session protocol's store ports ({@link ProtocolStores}) on top of a profile's {@link
 * dev.parley.desktop.storage.SecretStore}: the local identity key pair, peers' identity keys, session records,
 * one-time and signed prekeys are stored as the protocol's own serialized bytes, inside the encrypted database.
 *
 * <p>Use {@link #inTransaction} so that the protocol's state change and the service's own writes commit together
 * (load, compute, commit: a decrypted message and the advanced session are stored atomically, or neither):
 *
 * <pre>{@code
 * storage.transactions().transaction(false, txn -> {
 *     ProtocolStores stores = ProtocolStoreAdapters.inTransaction(storage, txn, crypto);
 *     String text = new SessionCipher(stores, ...).decrypt(envelope);     // session advanced in txn
 *     storage.messages().insertIfAbsent(txn, NewMessage.incoming(...));   // message stored in txn
 * });
 * }</pre>
 *
 * <p>The ports cannot throw checked exceptions: a database failure surfaces as {@link
 * dev.parley.desktop.storage.UncheckedStorageException}, which rolls the surrounding transaction back. Stored bytes that
 * no longer parse surface as {@link IllegalStateException}. Peers' identity keys here are the protocol's trust record;
 * the service mirrors changes into {@link dev.parley.desktop.storage.ContactStore#updateIdentityKey} for the UI.
 */
public final class ProtocolStoreAdapters {
    /** Peers' identity keys, by username. */
    public static final SecretNamespace PEER_IDENTITIES = new SecretNamespace("peer-identity");
    /** The entry of {@link SecretNamespace#IDENTITY} holding the local identity key pair. */
    public static final String LOCAL_IDENTITY_KEY = "self";

    private ProtocolStoreAdapters() {
    }

    /** Ports whose every call runs in {@code txn} (which must be a live, writable transaction of {@code storage}). */
    public static ProtocolStores inTransaction(Storage storage, Transaction txn, CryptoProvider crypto) {
        Objects.requireNonNull(txn, "txn");
        return create(storage, new Runner() {
            @Override
            public <R> R call(TransactionFunction<R, RuntimeException> work) {
                try {
                    return work.apply(txn);
                } catch (StorageException e) {
                    throw new dev.parley.desktop.storage.UncheckedStorageException(e);
                }
            }
        }, crypto);
    }

    /** Ports whose every call is its own transaction; for tools and tests, not for message processing. */
    public static ProtocolStores autoCommit(Storage storage, CryptoProvider crypto) {
        return create(storage, new Runner() {
            @Override
            public <R> R call(TransactionFunction<R, RuntimeException> work) {
                try {
                    return storage.transactions().transactionWithResult(false, work);
                } catch (StorageException e) {
                    throw new dev.parley.desktop.storage.UncheckedStorageException(e);
                }
            }
        }, crypto);
    }

    /** Stores the local identity key pair (creating or replacing it); done once when a profile is created. */
    public static void storeLocalIdentity(Storage storage, Transaction txn, IdentityKeyPair identity)
            throws StorageException {
        byte[] serialized = identity.serialize();
        try {
            storage.secrets().put(txn, SecretNamespace.IDENTITY, LOCAL_IDENTITY_KEY, serialized);
        } finally {
            java.util.Arrays.fill(serialized, (byte) 0);
        }
    }

    private static ProtocolStores create(Storage storage, Runner runner, CryptoProvider crypto) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(crypto, "crypto");
        SecretEntries entries = new SecretEntries(storage.secrets(), runner);
        return new ProtocolStores(new StoredSessions(entries), new StoredIdentities(entries, crypto),
                new StoredPreKeys(entries), new StoredSignedPreKeys(entries));
    }

    /** Runs store work in the adapter's transaction mode. */
    interface Runner {
        <R> R call(TransactionFunction<R, RuntimeException> work);
    }
}
