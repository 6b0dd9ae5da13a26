package dev.parley.crypto.store;

import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.session.OneTimePreKeyRecord;

/**
 * Persistence port for the local one-time prekeys (with private keys).
 *
 * <p>Contract (checked by {@code PreKeyStoreContractTest}): {@link #loadPreKey} returns a record equal to the one
 * stored under that id, or throws {@link InvalidKeyIdException} when there is none (never stored, or removed);
 * {@link #removePreKey} deletes it for good, so a second session from the same prekey fails; removing an absent id
 * does nothing.
 */
public interface PreKeyStore {
    OneTimePreKeyRecord loadPreKey(int id) throws InvalidKeyIdException;

    void storePreKey(OneTimePreKeyRecord record);

    boolean containsPreKey(int id);

    void removePreKey(int id);
}
