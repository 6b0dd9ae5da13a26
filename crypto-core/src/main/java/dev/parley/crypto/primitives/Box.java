package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;

/**
 * Public-key authenticated encryption, exactly libsodium's {@code crypto_box_easy}
 * (X25519 + HSalsa20 key derivation + XSalsa20-Poly1305). Output is tag || ciphertext.
 */
public interface Box {
    int PUBLIC_KEY_BYTES = 32;
    int NONCE_BYTES = 24;
    int MAC_BYTES = 16;

    byte[] seal(byte[] recipientPublicKey, SecretBytes senderPrivateKey, byte[] nonce, byte[] plaintext)
            throws InvalidPublicKeyException;

    byte[] open(byte[] senderPublicKey, SecretBytes recipientPrivateKey, byte[] nonce, byte[] ciphertext)
            throws AuthenticationFailedException, InvalidPublicKeyException;
}
