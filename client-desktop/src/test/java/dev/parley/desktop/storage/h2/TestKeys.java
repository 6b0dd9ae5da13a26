package dev.parley.desktop.storage.h2;

import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.testing.DeterministicRandom;
import java.sql.Connection;

/** Deterministic 32-byte file keys for database tests. */
final class TestKeys {
    private TestKeys() {
    }

    static SecretBytes key(long seed) {
        return SecretBytes.wrap(new DeterministicRandom(seed).bytes(32));
    }

    /**
     * A raw connection to the database at {@code files} under {@code key}. The key's lease is kept for the rest of
     * the test JVM (a test's temporary directory is never reused), so further raw connections to it work too.
     */
    static Connection connect(DatabaseFiles files, boolean create, boolean readOnly, SecretBytes key)
            throws DatabaseOpenException {
        FileKeyRing.lease(files, key);
        return H2StorageOpener.connect(files.url(create, readOnly));
    }
}
