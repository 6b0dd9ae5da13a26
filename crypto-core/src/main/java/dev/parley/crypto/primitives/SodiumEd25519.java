package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;
import dev.parley.crypto.secret.SecretBytes;

/**
 * Ed25519 through libsodium: {@code crypto_sign_seed_keypair}, {@code crypto_sign_detached},
 * {@code crypto_sign_verify_detached} (which rejects S >= L, small-order R and A, and non-canonical A), and the
 * {@code crypto_sign_ed25519_*_to_curve25519} conversions. The 64-byte libsodium secret key is always re-derived from
 * the seed, so a key pair whose public half was tampered with can never produce a key-leaking signature.
 */
final class SodiumEd25519 implements Ed25519 {
    private static final int LIBSODIUM_SECRET_KEY_BYTES = 64;
    private final Sodium sodium;
    private final RandomSource random;

    SodiumEd25519(Sodium sodium, RandomSource random) {
        this.sodium = sodium;
        this.random = random;
    }

    @Override
    public Ed25519KeyPair generateKeyPair() {
        try (SecretBytes seed = SecretBytes.wrap(random.bytes(SEED_BYTES))) {
            return keyPairFromSeed(seed);
        }
    }

    @Override
    public Ed25519KeyPair keyPairFromSeed(SecretBytes seed) {
        byte[] s = Inputs.secret(seed, SEED_BYTES, "Ed25519 seed");
        byte[] pk = new byte[PUBLIC_KEY_BYTES];
        byte[] sk = new byte[LIBSODIUM_SECRET_KEY_BYTES];
        try {
            if (sodium.crypto_sign_seed_keypair(pk, sk, s) != 0) {
                throw new IllegalStateException("crypto_sign_seed_keypair failed");
            }
            return new Ed25519KeyPair(pk, SecretBytes.copyOf(s));
        } finally {
            SecretBytes.wipe(s);
            SecretBytes.wipe(sk);
        }
    }

    @Override
    public byte[] sign(Ed25519KeyPair keyPair, byte[] message) {
        Inputs.notNull(message, "message");
        byte[] sk = expandedSecretKey(keyPair.seed());
        try {
            byte[] signature = new byte[SIGNATURE_BYTES];
            if (sodium.crypto_sign_detached(signature, null, message, message.length, sk) != 0) {
                throw new IllegalStateException("crypto_sign_detached failed");
            }
            return signature;
        } finally {
            SecretBytes.wipe(sk);
        }
    }

    @Override
    public void verify(byte[] publicKey, byte[] message, byte[] signature) throws InvalidSignatureException {
        Inputs.notNull(message, "message");
        if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES) {
            throw new InvalidSignatureException("Ed25519 public key must be 32 bytes");
        }
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            throw new InvalidSignatureException("Ed25519 signature must be 64 bytes");
        }
        if (sodium.crypto_sign_verify_detached(signature, message, message.length, publicKey) != 0) {
            throw new InvalidSignatureException("Ed25519 signature did not verify");
        }
    }

    @Override
    public byte[] toX25519PublicKey(byte[] ed25519PublicKey) throws InvalidPublicKeyException {
        Inputs.publicKey(ed25519PublicKey, PUBLIC_KEY_BYTES);
        if (!Ed25519Encoding.isCanonicalY(ed25519PublicKey)) {
            throw new InvalidPublicKeyException("Ed25519 public key is not canonically encoded");
        }
        byte[] out = new byte[X25519.KEY_BYTES];
        // Rejects small-order points, points not on the curve and points outside the prime-order subgroup.
        if (sodium.crypto_sign_ed25519_pk_to_curve25519(out, ed25519PublicKey) != 0) {
            throw new InvalidPublicKeyException("Ed25519 public key is not a valid prime-order point");
        }
        return out;
    }

    @Override
    public X25519KeyPair toX25519KeyPair(Ed25519KeyPair keyPair) {
        byte[] sk = expandedSecretKey(keyPair.seed());
        byte[] scalar = new byte[X25519.KEY_BYTES];
        try {
            if (sodium.crypto_sign_ed25519_sk_to_curve25519(scalar, sk) != 0) {
                throw new IllegalStateException("crypto_sign_ed25519_sk_to_curve25519 failed");
            }
            byte[] publicKey = new byte[X25519.KEY_BYTES];
            if (sodium.crypto_scalarmult_base(publicKey, scalar) != 0) {
                throw new IllegalStateException("crypto_scalarmult_base failed");
            }
            return new X25519KeyPair(publicKey, SecretBytes.copyOf(scalar));
        } finally {
            SecretBytes.wipe(sk);
            SecretBytes.wipe(scalar);
        }
    }

    private byte[] expandedSecretKey(SecretBytes seed) {
        byte[] s = Inputs.secret(seed, SEED_BYTES, "Ed25519 seed");
        byte[] pk = new byte[PUBLIC_KEY_BYTES];
        byte[] sk = new byte[LIBSODIUM_SECRET_KEY_BYTES];
        try {
            if (sodium.crypto_sign_seed_keypair(pk, sk, s) != 0) {
                SecretBytes.wipe(sk);
                throw new IllegalStateException("crypto_sign_seed_keypair failed");
            }
            return sk;
        } finally {
            SecretBytes.wipe(s);
        }
    }
}
