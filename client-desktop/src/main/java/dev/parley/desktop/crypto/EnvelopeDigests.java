package dev.parley.desktop.crypto;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.desktop.storage.EnvelopeDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Names an opened envelope for the received-envelope record:
 * {@code SHA-256("parley/v1/received-envelope" || 0x00 || IK_sender || ciphertext message)}. The same bytes redelivered
 * (by the relay, or resent from the sender's outbox) give the same digest; any other message gives another, even one
 * that reuses a ratchet position.
 */
public final class EnvelopeDigests {
    private static final byte[] LABEL = "parley/v1/received-envelope\0".getBytes(StandardCharsets.US_ASCII);

    private EnvelopeDigests() {
    }

    public static EnvelopeDigest of(OpenedEnvelope envelope) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LABEL);
            sha256.update(envelope.senderIdentity().bytes());
            sha256.update(envelope.message().serialize());
            return new EnvelopeDigest(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
