package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;

/** X25519 Diffie-Hellman (RFC 7748), as libsodium's {@code crypto_scalarmult}. */
public interface X25519 {
    int KEY_BYTES = 32;

    X25519KeyPair generateKeyPair();

    /** The key pair whose private scalar is {@code privateKey} (clamped as RFC 7748 says). */
    X25519KeyPair keyPairFrom(SecretBytes privateKey);

    /**
     * The raw shared secret {@code X25519(privateKey, publicKey)}.
     *
     * @throws InvalidPublicKeyException if the public key is not 32 bytes or the result is all zeros (a low-order point)
     */
    SecretBytes agree(SecretBytes privateKey, byte[] publicKey) throws InvalidPublicKeyException;
}
