package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.store.KemPreKeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link KemPreKeyStore} in memory, holding serialized records. Thread-safe. */
public final class InMemoryKemPreKeyStore implements KemPreKeyStore {
    private final Map<Integer, byte[]> records = new ConcurrentSkipListMap<>();

    @Override
    public KemPreKeyRecord loadKemPreKey(int id) throws InvalidKeyIdException {
        byte[] bytes = records.get(id);
        if (bytes == null) {
            throw new InvalidKeyIdException("no KEM prekey with this id");
        }
        return parse(bytes);
    }

    @Override
    public List<KemPreKeyRecord> loadKemPreKeys() {
        List<KemPreKeyRecord> all = new ArrayList<>();
        for (byte[] bytes : records.values()) {
            all.add(parse(bytes));
        }
        return all;
    }

    @Override
    public void storeKemPreKey(KemPreKeyRecord record) {
        records.put(record.id(), record.serialize());
    }

    @Override
    public boolean containsKemPreKey(int id) {
        return records.containsKey(id);
    }

    @Override
    public void removeKemPreKey(int id) {
        records.remove(id);
    }

    private static KemPreKeyRecord parse(byte[] bytes) {
        try {
            return KemPreKeyRecord.deserialize(bytes);
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new IllegalStateException("in-memory KEM prekey record unreadable", e);
        }
    }
}
