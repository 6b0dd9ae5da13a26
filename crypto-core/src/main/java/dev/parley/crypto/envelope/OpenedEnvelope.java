package dev.parley.crypto.envelope;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.session.CiphertextMessage;
import java.util.Objects;

/**
 * An envelope after {@link SealedSender#open}: who the sender claims to be (authenticated by the sealed-sender MAC
 * against {@code senderIdentity}) and the ratchet message. Look up the session by {@code senderUsername}, then
 * decrypt with {@code SessionCipher.decrypt(senderIdentity, message, callback)}, which rejects a session whose
 * peer identity is not {@code senderIdentity}.
 */
public record OpenedEnvelope(IdentityKey senderIdentity, Username senderUsername, CiphertextMessage message) {
    public OpenedEnvelope {
        Objects.requireNonNull(senderIdentity, "senderIdentity");
        Objects.requireNonNull(senderUsername, "senderUsername");
        Objects.requireNonNull(message, "message");
    }
}
