package dev.parley.desktop.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A sealed blob waiting for the relay's acknowledgement.
 *
 * @param messageId     the message the blob carries (one entry per message and recipient)
 * @param recipient     the recipient's username
 * @param blob          the sealed envelope bytes (a copy is kept and handed out)
 * @param attempts      how many times sending was attempted
 * @param createdAt     when it was queued
 * @param lastAttemptAt when it was last attempted, or null
 */
public record OutboxEntry(MessageId messageId, String recipient, byte[] blob, int attempts, Instant createdAt,
                          Instant lastAttemptAt) {
    public static final int MAX_BLOB_BYTES = 1 << 20;

    public OutboxEntry {
        createdAt = createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MILLIS);
        lastAttemptAt = lastAttemptAt == null ? null : lastAttemptAt.truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(messageId, "messageId");
        Identifiers.check(recipient, "recipient", ConversationId.MAX_LENGTH);
        Objects.requireNonNull(blob, "blob");
        if (blob.length == 0 || blob.length > MAX_BLOB_BYTES) {
            throw new IllegalArgumentException("outbox blob must be 1 to " + MAX_BLOB_BYTES + " bytes");
        }
        blob = blob.clone();
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    public Optional<Instant> lastAttempt() {
        return Optional.ofNullable(lastAttemptAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxEntry e && messageId.equals(e.messageId) && recipient.equals(e.recipient)
                && Arrays.equals(blob, e.blob) && attempts == e.attempts && createdAt.equals(e.createdAt)
                && Objects.equals(lastAttemptAt, e.lastAttemptAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, recipient, Arrays.hashCode(blob), attempts, createdAt, lastAttemptAt);
    }

    @Override
    public String toString() {
        return "OutboxEntry[" + blob.length + " bytes, attempts=" + attempts + "]";
    }
}
