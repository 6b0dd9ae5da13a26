package dev.parley.desktop.storage.protocol;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.session.OneTimePreKeyRecord;
import dev.parley.crypto.store.PreKeyStore;
import dev.parley.desktop.storage.SecretNamespace;
import java.util.Arrays;
import java.util.Optional;

/** One-time prekeys by id, as {@link OneTimePreKeyRecord#serialize()} bytes. */
final class StoredPreKeys implements PreKeyStore {
    private final SecretEntries entries;

    StoredPreKeys(SecretEntries entries) {
        this.entries = entries;
    }

    @Override
    public OneTimePreKeyRecord loadPreKey(int id) throws InvalidKeyIdException {
        Optional<byte[]> bytes = entries.get(SecretNamespace.PREKEYS, Integer.toString(id));
        if (bytes.isEmpty()) {
            throw new InvalidKeyIdException("no one-time prekey with that id");
        }
        try {
            return OneTimePreKeyRecord.deserialize(bytes.get());
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new IllegalStateException("stored one-time prekey does not parse", e);
        } finally {
            Arrays.fill(bytes.get(), (byte) 0);
        }
    }

    @Override
    public void storePreKey(OneTimePreKeyRecord record) {
        byte[] bytes = record.serialize();
        try {
            entries.put(SecretNamespace.PREKEYS, Integer.toString(record.id()), bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean containsPreKey(int id) {
        return entries.contains(SecretNamespace.PREKEYS, Integer.toString(id));
    }

    @Override
    public void removePreKey(int id) {
        entries.delete(SecretNamespace.PREKEYS, Integer.toString(id));
    }
}
