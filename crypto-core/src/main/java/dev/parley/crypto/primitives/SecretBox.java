package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;

/**
 * XSalsa20-Poly1305 authenticated encryption, exactly libsodium's {@code crypto_secretbox_easy}: the output is the
 * 16-byte Poly1305 tag followed by the ciphertext. 32-byte key, 24-byte nonce.
 */
public interface SecretBox {
    int KEY_BYTES = 32;
    int NONCE_BYTES = 24;
    int MAC_BYTES = 16;

    byte[] seal(SecretBytes key, byte[] nonce, byte[] plaintext);

    /** @throws AuthenticationFailedException on any wrong key, nonce, tag, truncation or modification */
    byte[] open(SecretBytes key, byte[] nonce, byte[] ciphertext) throws AuthenticationFailedException;
}
