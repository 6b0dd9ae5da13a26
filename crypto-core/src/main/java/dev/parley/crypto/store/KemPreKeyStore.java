package dev.parley.crypto.store;

import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.session.KemPreKeyRecord;
import java.util.List;

/**
 * Persistence port for the local KEM prekeys (ML-KEM-1024, with private keys), one-time and last-resort alike.
 *
 * <p>Contract (checked by {@code KemPreKeyStoreContractTest}): {@link #loadKemPreKey} returns a record equal to the
 * one stored under that id, or throws {@link InvalidKeyIdException} when there is none (never stored, or removed);
 * {@link #loadKemPreKeys} returns all stored records ordered by id; storing under an existing id replaces it;
 * {@link #removeKemPreKey} deletes for good and removing an absent id does nothing.
 */
public interface KemPreKeyStore {
    KemPreKeyRecord loadKemPreKey(int id) throws InvalidKeyIdException;

    List<KemPreKeyRecord> loadKemPreKeys();

    void storeKemPreKey(KemPreKeyRecord record);

    boolean containsKemPreKey(int id);

    void removeKemPreKey(int id);
}
