/**
 * Parley's cryptographic primitives: small interfaces, each naming the exact construction it implements, and two
 * interchangeable providers behind them.
 *
 * <pre>{@code
 * CryptoProvider crypto = CryptoProviders.preferred();        // "libsodium", else "bouncycastle"
 * try (SecretBytes key = SecretBytes.wrap(crypto.random().bytes(SecretBox.KEY_BYTES))) {
 *     byte[] nonce = crypto.random().bytes(SecretBox.NONCE_BYTES);
 *     byte[] boxed = crypto.secretBox().seal(key, nonce, plaintext);          // tag || ciphertext
 *     byte[] opened = crypto.secretBox().open(key, nonce, boxed);             // or AuthenticationFailedException
 * }
 * }</pre>
 *
 * <p>Contracts shared by both providers (checked by the known-answer and cross-provider tests):
 * <ul>
 *   <li>outputs are byte-identical to libsodium's ({@code crypto_secretbox_easy}, {@code crypto_box_easy},
 *       {@code crypto_box_seal}, {@code crypto_sign_detached}, {@code crypto_pwhash} Argon2id);</li>
 *   <li>anything that does not authenticate throws {@link dev.parley.crypto.primitives.AuthenticationFailedException}
 *       and returns no data; low-order X25519 keys throw
 *       {@link dev.parley.crypto.primitives.InvalidPublicKeyException}; bad signatures throw
 *       {@link dev.parley.crypto.primitives.InvalidSignatureException};</li>
 *   <li>wrong-length keys and nonces throw {@link java.lang.IllegalArgumentException} (public keys:
 *       {@code InvalidPublicKeyException}) before any native code runs; nulls throw {@link NullPointerException};</li>
 *   <li>secret inputs are {@link dev.parley.crypto.secret.SecretBytes}; temporaries are wiped; exception messages
 *       never contain key material.</li>
 * </ul>
 * Implementations are package-private ({@code Sodium*} over lazysodium's raw JNA interface, {@code Bc*} over
 * BouncyCastle's lightweight API); obtain them from {@link dev.parley.crypto.primitives.CryptoProviders}.
 */
package dev.parley.crypto.primitives;
