package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.SettingsStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.HashMap;
import java.util.Map;

final class InMemorySettingsStore implements SettingsStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private Map<String, String> values = new HashMap<>();

    InMemorySettingsStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new HashMap<>(values);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        values = (Map<String, String>) snapshot;
    }

    @Override
    public <T> T get(Transaction txn, Setting<T> setting) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        String text = values.get(setting.key());
        return text == null ? setting.defaultValue() : setting.decode(text);
    }

    @Override
    public <T> void set(Transaction txn, Setting<T> setting, T value) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        values.put(setting.key(), setting.encode(value));
    }

    @Override
    public void reset(Transaction txn, Setting<?> setting) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        values.remove(setting.key());
    }
}
