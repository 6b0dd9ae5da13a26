package dev.parley.crypto.store;

import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.session.SignedPreKeyRecord;
import java.util.List;

/**
 * Persistence port for the local signed prekeys (with private keys).
 *
 * <p>Contract (checked by {@code SignedPreKeyStoreContractTest}): {@link #loadSignedPreKey} returns a record
 * equal to the one stored under that id or throws {@link InvalidKeyIdException}; {@link #loadSignedPreKeys}
 * returns all stored records ordered by id; storing under an existing id replaces it; removing an absent id does
 * nothing.
 */
public interface SignedPreKeyStore {
    SignedPreKeyRecord loadSignedPreKey(int id) throws InvalidKeyIdException;

    List<SignedPreKeyRecord> loadSignedPreKeys();

    void storeSignedPreKey(SignedPreKeyRecord record);

    boolean containsSignedPreKey(int id);

    void removeSignedPreKey(int id);
}
