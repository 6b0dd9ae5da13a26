package dev.parley.desktop.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * The record that an incoming envelope was decrypted and its effect committed.
 *
 * @param digest    identifies the envelope
 * @param messageId the history message it carried, or empty for a control message (receipt) that was applied
 */
public record ReceivedEnvelope(EnvelopeDigest digest, Optional<MessageId> messageId) {
    public ReceivedEnvelope {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(messageId, "messageId");
    }
}
