package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id version 0x13 (RFC 9106) on BouncyCastle's {@link Argon2BytesGenerator}. Through {@link PasswordHasher} it
 * runs without secret or associated data, as libsodium's {@code crypto_pwhash}; the package-private
 * {@link #derive} also takes them (RFC 9106's test vector needs both) and any parallelism.
 */
final class BcArgon2id implements PasswordHasher {

    @Override
    public SecretBytes argon2id(byte[] password, byte[] salt, Argon2Params params, int length) {
        Argon2Arguments.check(password, salt, params, length);
        return SecretBytes.wrap(derive(password, salt, null, null, params, length));
    }

    /** Full Argon2id: {@code secret} (K) and {@code associatedData} (X) may be null. */
    static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Params params,
            int length) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(params.iterations())
                .withMemoryAsKB(params.memoryKiB())
                .withParallelism(params.parallelism())
                .withSalt(salt);
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (associatedData != null) {
            builder.withAdditional(associatedData);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
