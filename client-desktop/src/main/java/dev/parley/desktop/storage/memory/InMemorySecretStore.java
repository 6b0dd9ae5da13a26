package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.SecretStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

final class InMemorySecretStore implements SecretStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private TreeMap<String, byte[]> entries = new TreeMap<>();

    InMemorySecretStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    private static String key(SecretNamespace ns, String key) {
        return ns.name() + '\u0000' + key;
    }

    @Override
    public Object snapshot() {
        return new TreeMap<>(entries);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        entries = (TreeMap<String, byte[]>) snapshot;
    }

    @Override
    public void put(Transaction txn, SecretNamespace namespace, String key, byte[] value) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(value, "value");
        StoreArguments.checkSecret(key, value);
        entries.put(key(namespace, key), value.clone());
    }

    @Override
    public Optional<byte[]> get(Transaction txn, SecretNamespace namespace, String key) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        byte[] value = entries.get(key(namespace, key));
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    @Override
    public boolean contains(Transaction txn, SecretNamespace namespace, String key) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return entries.containsKey(key(namespace, key));
    }

    @Override
    public boolean delete(Transaction txn, SecretNamespace namespace, String key) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return entries.remove(key(namespace, key)) != null;
    }

    @Override
    public List<String> keys(Transaction txn, SecretNamespace namespace) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        String prefix = namespace.name() + '\u0000';
        List<String> keys = new ArrayList<>();
        for (String k : entries.subMap(prefix, prefix + '\uffff').keySet()) {
            keys.add(k.substring(prefix.length()));
        }
        return keys;
    }
}
