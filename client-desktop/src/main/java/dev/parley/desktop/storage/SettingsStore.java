package dev.parley.desktop.storage;

/**
 * Typed user settings. A setting never set (or reset) reads as its default. A stored value that no longer parses
 * (for example written by a newer version) reads as the default and is logged without its content.
 */
public interface SettingsStore {

    <T> T get(Transaction txn, Setting<T> setting) throws StorageException;

    /** @throws IllegalArgumentException if the value is out of range for the setting */
    <T> void set(Transaction txn, Setting<T> setting, T value) throws StorageException;

    /** Back to the default. */
    void reset(Transaction txn, Setting<?> setting) throws StorageException;
}
