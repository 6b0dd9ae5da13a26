package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;

/**
 * Ed25519 signatures (RFC 8032, pure, no context) with strict verification: non-canonical S, small-order and
 * non-canonical points are rejected, as libsodium's {@code crypto_sign_verify_detached} does.
 *
 * <p>Also maps Ed25519 keys to their X25519 (Montgomery) form, as {@code crypto_sign_ed25519_pk_to_curve25519} and
 * {@code crypto_sign_ed25519_sk_to_curve25519}, so one identity key serves signatures and Diffie-Hellman.
 */
public interface Ed25519 {
    int PUBLIC_KEY_BYTES = 32;
    int SEED_BYTES = 32;
    int SIGNATURE_BYTES = 64;

    Ed25519KeyPair generateKeyPair();

    Ed25519KeyPair keyPairFromSeed(SecretBytes seed);

    byte[] sign(Ed25519KeyPair keyPair, byte[] message);

    /**
     * Strict verification, identical in both providers: rejects S >= L, small-order R or A, non-canonical A or R,
     * wrong lengths. Like libsodium (cofactorless), it does not require A to lie in the prime-order subgroup.
     *
     * @throws InvalidSignatureException if the signature is not a valid strict Ed25519 signature of message by publicKey
     */
    void verify(byte[] publicKey, byte[] message, byte[] signature) throws InvalidSignatureException;

    /**
     * u = (1 + y) / (1 - y) mod 2^255 - 19.
     *
     * @throws InvalidPublicKeyException if the key is not 32 bytes, not canonical, not on the curve, of small order
     *     or outside the prime-order subgroup
     */
    byte[] toX25519PublicKey(byte[] ed25519PublicKey) throws InvalidPublicKeyException;

    /** The X25519 key pair whose private scalar is the clamped SHA-512(seed)[0..32]. */
    X25519KeyPair toX25519KeyPair(Ed25519KeyPair keyPair);
}
