package dev.parley.desktop.service.account;

import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.StorageException;
import java.util.Optional;

/**
 * The file key of the embedded relay's database (#11 finding 9): 32 random bytes made on first use and kept among
 * the profile's sealed secrets, so it exists only while the profile is unlocked and survives passphrase changes (the
 * profile's own database key does not). Never logged.
 */
final class EmbeddedRelayKey {
    static final SecretNamespace NAMESPACE = new SecretNamespace("embedded-relay");
    static final String KEY = "database-key";
    static final int BYTES = 32;

    private EmbeddedRelayKey() {
    }

    /** The key (a copy the caller wipes), created and stored in the same transaction the first time. */
    static byte[] of(ProfileCrypto crypto) throws StorageFailureException {
        try {
            return crypto.storage().transactions().transactionWithResult(false, txn -> {
                Optional<byte[]> existing = crypto.storage().secrets().get(txn, NAMESPACE, KEY);
                if (existing.isPresent() && existing.get().length == BYTES) {
                    return existing.get();
                }
                byte[] key = crypto.context().random().bytes(BYTES);
                crypto.storage().secrets().put(txn, NAMESPACE, KEY, key);
                return key;
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the embedded relay's key", e);
        }
    }
}
