package dev.parley.desktop.storage.protocol;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.store.SignedPreKeyStore;
import dev.parley.desktop.storage.SecretNamespace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Signed prekeys by id, as {@link SignedPreKeyRecord#serialize()} bytes. */
final class StoredSignedPreKeys implements SignedPreKeyStore {
    private final SecretEntries entries;

    StoredSignedPreKeys(SecretEntries entries) {
        this.entries = entries;
    }

    @Override
    public SignedPreKeyRecord loadSignedPreKey(int id) throws InvalidKeyIdException {
        Optional<byte[]> bytes = entries.get(SecretNamespace.SIGNED_PREKEYS, Integer.toString(id));
        if (bytes.isEmpty()) {
            throw new InvalidKeyIdException("no signed prekey with that id");
        }
        return parse(bytes.get());
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        List<SignedPreKeyRecord> out = new ArrayList<>();
        for (String key : entries.keys(SecretNamespace.SIGNED_PREKEYS)) {
            entries.get(SecretNamespace.SIGNED_PREKEYS, key).ifPresent(bytes -> out.add(parse(bytes)));
        }
        return out;
    }

    private static SignedPreKeyRecord parse(byte[] bytes) {
        try {
            return SignedPreKeyRecord.deserialize(bytes);
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new IllegalStateException("stored signed prekey does not parse", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        byte[] bytes = record.serialize();
        try {
            entries.put(SecretNamespace.SIGNED_PREKEYS, Integer.toString(record.id()), bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean containsSignedPreKey(int id) {
        return entries.contains(SecretNamespace.SIGNED_PREKEYS, Integer.toString(id));
    }

    @Override
    public void removeSignedPreKey(int id) {
        entries.delete(SecretNamespace.SIGNED_PREKEYS, Integer.toString(id));
    }
}
