package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.store.SignedPreKeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link SignedPreKeyStore} in memory, holding serialized records. Thread-safe. */
public final class InMemorySignedPreKeyStore implements SignedPreKeyStore {
    private final Map<Integer, byte[]> records = new ConcurrentSkipListMap<>();

    @Override
    public SignedPreKeyRecord loadSignedPreKey(int id) throws InvalidKeyIdException {
        byte[] bytes = records.get(id);
        if (bytes == null) {
            throw new InvalidKeyIdException("no signed prekey with this id");
        }
        return parse(bytes);
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        List<SignedPreKeyRecord> all = new ArrayList<>();
        for (byte[] bytes : records.values()) {
            all.add(parse(bytes));
        }
        return all;
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        records.put(record.id(), record.serialize());
    }

    @Override
    public boolean containsSignedPreKey(int id) {
        return records.containsKey(id);
    }

    @Override
    public void removeSignedPreKey(int id) {
        records.remove(id);
    }

    private static SignedPreKeyRecord parse(byte[] bytes) {
        try {
            return SignedPreKeyRecord.deserialize(bytes);
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new IllegalStateException("in-memory signed prekey record unreadable", e);
        }
    }
}
