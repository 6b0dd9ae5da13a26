package dev.parley.desktop.crypto;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.OneTimePreKeyRecord;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.store.KemPreKeyStore;
import dev.parley.crypto.store.PreKeyStore;
import dev.parley.crypto.store.SignedPreKeyStore;
import dev.parley.desktop.storage.SecretNamespace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The three prekey ports of a {@link ProtocolUnitOfWork}, over its buffered entries. */
final class UnitPreKeys implements PreKeyStore, SignedPreKeyStore, KemPreKeyStore {
    private final BufferedSecrets secrets;

    UnitPreKeys(BufferedSecrets secrets) {
        this.secrets = secrets;
    }

    /** The stored bytes of a prekey, wiped after {@code parse} ran. */
    private interface Parser<T> {
        T parse(byte[] bytes) throws UnsupportedVersionException, CorruptStateException;
    }

    private <T> T load(SecretNamespace namespace, int id, String kind, Parser<T> parser) throws InvalidKeyIdException {
        Optional<byte[]> bytes = secrets.read(namespace, Integer.toString(id));
        if (bytes.isEmpty()) {
            throw new InvalidKeyIdException("no " + kind + " with this id");
        }
        try {
            return parser.parse(bytes.get());
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new ProtocolStorageException("stored " + kind + " is unreadable", e);
        } finally {
            Arrays.fill(bytes.get(), (byte) 0);
        }
    }

    private boolean contains(SecretNamespace namespace, int id) {
        return secrets.read(namespace, Integer.toString(id)).isPresent();
    }

    // ------------------------------------------------------------------------------------------- PreKeyStore

    @Override
    public OneTimePreKeyRecord loadPreKey(int id) throws InvalidKeyIdException {
        return load(SecretNamespace.PREKEYS, id, "one-time prekey", OneTimePreKeyRecord::deserialize);
    }

    @Override
    public void storePreKey(OneTimePreKeyRecord record) {
        secrets.put(SecretNamespace.PREKEYS, Integer.toString(record.id()), record.serialize());
    }

    @Override
    public boolean containsPreKey(int id) {
        return contains(SecretNamespace.PREKEYS, id);
    }

    @Override
    public void removePreKey(int id) {
        secrets.delete(SecretNamespace.PREKEYS, Integer.toString(id));
    }

    // ------------------------------------------------------------------------------------------- SignedPreKeyStore

    @Override
    public SignedPreKeyRecord loadSignedPreKey(int id) throws InvalidKeyIdException {
        return load(SecretNamespace.SIGNED_PREKEYS, id, "signed prekey", SignedPreKeyRecord::deserialize);
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        List<SignedPreKeyRecord> records = new ArrayList<>();
        for (String key : secrets.keysOf(SecretNamespace.SIGNED_PREKEYS)) {
            try {
                records.add(loadSignedPreKey(Integer.parseInt(key)));
            } catch (InvalidKeyIdException e) {
                continue;
            }
        }
        records.sort(Comparator.comparingInt(SignedPreKeyRecord::id));
        return records;
    }

    @Override
    public void storeSignedPreKey(SignedPreKeyRecord record) {
        secrets.put(SecretNamespace.SIGNED_PREKEYS, Integer.toString(record.id()), record.serialize());
    }

    @Override
    public boolean containsSignedPreKey(int id) {
        return contains(SecretNamespace.SIGNED_PREKEYS, id);
    }

    @Override
    public void removeSignedPreKey(int id) {
        secrets.delete(SecretNamespace.SIGNED_PREKEYS, Integer.toString(id));
    }

    // ------------------------------------------------------------------------------------------- KemPreKeyStore

    @Override
    public KemPreKeyRecord loadKemPreKey(int id) throws InvalidKeyIdException {
        return load(SecretNamespace.KEM_PREKEYS, id, "KEM prekey", KemPreKeyRecord::deserialize);
    }

    @Override
    public List<KemPreKeyRecord> loadKemPreKeys() {
        List<KemPreKeyRecord> records = new ArrayList<>();
        for (String key : secrets.keysOf(SecretNamespace.KEM_PREKEYS)) {
            try {
                records.add(loadKemPreKey(Integer.parseInt(key)));
            } catch (InvalidKeyIdException e) {
                continue;
            }
        }
        records.sort(Comparator.comparingInt(KemPreKeyRecord::id));
        return records;
    }

    @Override
    public void storeKemPreKey(KemPreKeyRecord record) {
        secrets.put(SecretNamespace.KEM_PREKEYS, Integer.toString(record.id()), record.serialize());
    }

    @Override
    public boolean containsKemPreKey(int id) {
        return contains(SecretNamespace.KEM_PREKEYS, id);
    }

    @Override
    public void removeKemPreKey(int id) {
        secrets.delete(SecretNamespace.KEM_PREKEYS, Integer.toString(id));
    }
}
