package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;
import dev.parley.crypto.secret.SecretBytes;

/** X25519 through libsodium's {@code crypto_scalarmult} and {@code crypto_scalarmult_base}. */
final class SodiumX25519 implements X25519 {
    private final Sodium sodium;
    private final RandomSource random;

    SodiumX25519(Sodium sodium, RandomSource random) {
        this.sodium = sodium;
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
            if (sodium.crypto_scalarmult_base(publicKey, scalar) != 0) {
                throw new IllegalStateException("crypto_scalarmult_base failed");
            }
            return new X25519KeyPair(publicKey, SecretBytes.copyOf(scalar));
        } finally {
            SecretBytes.wipe(scalar);
        }
    }

    @Override
    public SecretBytes agree(SecretBytes privateKey, byte[] publicKey) throws InvalidPublicKeyException {
        Inputs.publicKey(publicKey, KEY_BYTES);
        byte[] scalar = Inputs.secret(privateKey, KEY_BYTES, "X25519 private key");
        byte[] shared = new byte[KEY_BYTES];
        try {
            // crypto_scalarmult returns -1 when the result is all zeros, i.e. the peer sent a low-order point.
            if (sodium.crypto_scalarmult(shared, scalar, publicKey) != 0) {
                SecretBytes.wipe(shared);
                throw new InvalidPublicKeyException("X25519 public key has low order (all-zero shared secret)");
            }
            return SecretBytes.wrap(shared);
        } finally {
            SecretBytes.wipe(scalar);
        }
    }
}
