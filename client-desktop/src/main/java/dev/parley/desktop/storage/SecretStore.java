package dev.parley.desktop.storage;

import java.util.List;
import java.util.Optional;

/**
 * Opaque protocol-state blobs (identity key pair, session records, prekeys), by namespace and key, inside the
 * encrypted database. The session protocol's stores are adapters onto this. Values are copied in and out: the caller
 * owns (and should wipe) the arrays it passes and receives.
 */
public interface SecretStore {
    int MAX_KEY_CHARS = 256;
    int MAX_VALUE_BYTES = 1 << 20;

    /** Creates or replaces an entry. Keys are 1 to {@link #MAX_KEY_CHARS} characters without control characters. */
    void put(Transaction txn, SecretNamespace namespace, String key, byte[] value) throws StorageException;

    Optional<byte[]> get(Transaction txn, SecretNamespace namespace, String key) throws StorageException;

    boolean contains(Transaction txn, SecretNamespace namespace, String key) throws StorageException;

    /** False if there was no such entry. */
    boolean delete(Transaction txn, SecretNamespace namespace, String key) throws StorageException;

    /** The keys of a namespace in ascending order. */
    List<String> keys(Transaction txn, SecretNamespace namespace) throws StorageException;
}
