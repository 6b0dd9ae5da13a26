package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;

/**
 * X25519 (RFC 7748) on BouncyCastle's {@code org.bouncycastle.math.ec.rfc7748.X25519}, equivalent to libsodium's
 * {@code crypto_scalarmult}: the scalar is clamped, the top bit of u is ignored, and an all-zero result is refused.
 */
final class BcX25519 implements X25519 {
    private final RandomSource random;

    BcX25519(RandomSource random) {
        this.random = random;
    }

    @Override
    public X25519KeyPair generateKeyPair() {
        try (SecretBytes privateKey = SecretBytes.wrap(random.bytes(KEY_BYTES))) {
            return keyPairFrom(privateKey);
        }
    }

    @Override
    public X25519KeyPair keyPairFrom(SecretBytes privateKey) {
        byte[] scalar = Inputs.secret(privateKey, KEY_BYTES, "X25519 private key");
        try {
            byte[] publicKey = new byte[KEY_BYTES];
            org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(scalar, 0, publicKey, 0);
            return new X25519KeyPair(publicKey, SecretBytes.copyOf(scalar));
        } finally {
            SecretBytes.wipe(scalar);
        }
    }

    @Override
    public SecretBytes agree(SecretBytes privateKey, byte[] publicKey) throws InvalidPublicKeyException {
        return SecretBytes.wrap(rawAgree(privateKey, publicKey));
    }

    /** The shared secret as a bare array the caller must wipe. */
    static byte[] rawAgree(SecretBytes privateKey, byte[] publicKey) throws InvalidPublicKeyException {
        Inputs.publicKey(publicKey, KEY_BYTES);
        byte[] scalar = Inputs.secret(privateKey, KEY_BYTES, "X25519 private key");
        byte[] shared = new byte[KEY_BYTES];
        try {
            if (!org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(scalar, 0, publicKey, 0, shared, 0)) {
                SecretBytes.wipe(shared);
                throw new InvalidPublicKeyException("X25519 public key has low order (all-zero shared secret)");
            }
            return shared;
        } finally {
            SecretBytes.wipe(scalar);
        }
    }
}
