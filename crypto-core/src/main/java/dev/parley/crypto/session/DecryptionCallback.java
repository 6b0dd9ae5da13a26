package dev.parley.crypto.session;

import dev.parley.crypto.payload.Payload;

/**
 * Receives a decrypted payload <em>before</em> the session state is committed. Persist the plaintext here (for
 * example in the same database transaction as the history). If this method throws, the session state is not
 * stored and the same ciphertext can be decrypted again later, so a crash never loses a message.
 */
@FunctionalInterface
public interface DecryptionCallback {
    /** A callback that does nothing (for callers that handle the returned payload themselves). */
    DecryptionCallback NONE = payload -> { };

    void handlePlaintext(Payload payload) throws Exception;
}
