package dev.parley.desktop.storage.h2;

import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.testing.DeterministicRandom;

/** Deterministic 32-byte file keys for database tests. */
final class TestKeys {
    private TestKeys() {
    }

    static SecretBytes key(long seed) {
        return SecretBytes.wrap(new DeterministicRandom(seed).bytes(32));
    }
}
