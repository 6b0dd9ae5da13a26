package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;
import com.sun.jna.NativeLong;
import dev.parley.crypto.secret.SecretBytes;

/**
 * Argon2id v1.3 through libsodium's {@code crypto_pwhash} with {@code crypto_pwhash_ALG_ARGON2ID13}. libsodium runs
 * one lane only and takes exactly 16-byte salts; anything else is rejected with {@link IllegalArgumentException}.
 */
final class SodiumArgon2id implements PasswordHasher {
    private static final int ALG_ARGON2ID13 = 2;
    private static final int SALT_BYTES = 16;
    private final Sodium sodium;

    SodiumArgon2id(Sodium sodium) {
        this.sodium = sodium;
    }

    @Override
    public SecretBytes argon2id(byte[] password, byte[] salt, Argon2Params params, int length) {
        Argon2Arguments.check(password, salt, params, length);
        if (params.parallelism() != 1) {
            throw new IllegalArgumentException("libsodium's Argon2id supports parallelism 1 only, got "
                    + params.parallelism());
        }
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("libsodium's Argon2id takes exactly 16-byte salts, got " + salt.length);
        }
        long memoryBytes = params.memoryKiB() * 1024L;
        if (NativeLong.SIZE < Long.BYTES && memoryBytes > Integer.MAX_VALUE) {
            // lazysodium maps size_t memlimit to C long, which is 32 bits on Windows.
            throw new IllegalArgumentException("Argon2id memory above 2 GiB is not supported on this platform");
        }
        byte[] out = new byte[length];
        int rc = sodium.crypto_pwhash(out, length, password, password.length, salt, params.iterations(),
                new NativeLong(memoryBytes), ALG_ARGON2ID13);
        if (rc != 0) {
            SecretBytes.wipe(out);
            throw new IllegalStateException("crypto_pwhash failed (out of memory or cost beyond libsodium's limits)");
        }
        return SecretBytes.wrap(out);
    }
}
