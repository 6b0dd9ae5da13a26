package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.session.OneTimePreKeyRecord;
import dev.parley.crypto.store.PreKeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PreKeyStore} in memory, holding serialized records so callers never share key objects. Thread-safe. */
public final class InMemoryPreKeyStore implements PreKeyStore {
    private final Map<Integer, byte[]> records = new ConcurrentHashMap<>();

    @Override
    public OneTimePreKeyRecord loadPreKey(int id) throws InvalidKeyIdException {
        byte[] bytes = records.get(id);
        if (bytes == null) {
            throw new InvalidKeyIdException("no one-time prekey with this id");
        }
        try {
            return OneTimePreKeyRecord.deserialize(bytes);
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new IllegalStateException("in-memory prekey record unreadable", e);
        }
    }

    @Override
    public void storePreKey(OneTimePreKeyRecord record) {
        records.put(record.id(), record.serialize());
    }

    @Override
    public boolean containsPreKey(int id) {
        return records.containsKey(id);
    }

    @Override
    public void removePreKey(int id) {
        records.remove(id);
    }
}
