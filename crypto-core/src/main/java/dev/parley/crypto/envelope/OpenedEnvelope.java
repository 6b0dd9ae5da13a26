package dev.parley.crypto.envelope;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.session.CiphertextMessage;
import java.util.Objects;

/**
 * An envelope after {@link SealedSender#open}: the sender (IK authenticated by the sealed-sender MAC, username by the
 * relay-signed {@code certificate} for exactly that key) and the ratchet message. Look up the session by {@code senderUsername}, then
 * decrypt with {@code SessionCipher.decrypt(senderIdentity, message, callback)}, which rejects a session whose
 * peer identity is not {@code senderIdentity}.
 */
public record OpenedEnvelope(IdentityKey senderIdentity, Username senderUsername, CiphertextMessage message,
                             SenderCertificate certificate) {
    public OpenedEnvelope {
        Objects.requireNonNull(senderIdentity, "senderIdentity");
        Objects.requireNonNull(senderUsername, "senderUsername");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The sender's device, as its certificate names it (1 for a version-1 certificate; issue #17). */
    public int senderDevice() {
        return certificate.deviceId();
    }
}
