package dev.parley.desktop.crypto;

import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The protocol entries a {@link ProtocolUnitOfWork} wrote (or deleted: an empty value), over the committed state of
 * its {@link ProtocolStateStore}: reads see this unit's writes first. Not thread-safe.
 */
final class BufferedSecrets {
    private final ProtocolStateStore state;
    private final Map<SecretNamespace, Map<String, Optional<byte[]>>> writes = new LinkedHashMap<>();

    BufferedSecrets(ProtocolStateStore state) {
        this.state = state;
    }

    /** This unit's value of the entry if it wrote one (a copy), else the committed one. */
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

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** The committed keys of {@code namespace} plus this unit's pending additions (deleted ones fail to load). */
    List<String> keysOf(SecretNamespace namespace) {
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

    /** Writes every entry inside {@code txn}, dropping its cached value first (see {@link ProtocolUnitOfWork#commit}). */
    void writeTo(Transaction txn) throws StorageException {
        for (Map.Entry<SecretNamespace, Map<String, Optional<byte[]>>> ns : writes.entrySet()) {
            for (Map.Entry<String, Optional<byte[]>> entry : ns.getValue().entrySet()) {
                state.invalidate(ns.getKey(), entry.getKey());
                state.write(txn, ns.getKey(), entry.getKey(), entry.getValue());
            }
        }
    }

    /** After the transaction committed: publishes the entries to the cache, then wipes and forgets them. */
    void published() {
        for (Map.Entry<SecretNamespace, Map<String, Optional<byte[]>>> ns : writes.entrySet()) {
            for (Map.Entry<String, Optional<byte[]>> entry : ns.getValue().entrySet()) {
                state.afterCommit(ns.getKey(), entry.getKey(), entry.getValue());
            }
        }
        writes.values().forEach(ns -> ns.values().forEach(value -> value.ifPresent(SecretBytes::wipe)));
        writes.clear();
    }
}
