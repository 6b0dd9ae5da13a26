package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's reaction to a message.
 *
 * @param reactor   the username of who reacted (this profile's own username for our reactions)
 * @param reactedAt when it was stored here
 */
public record Reaction(MessageId messageId, String reactor, String emoji, Instant reactedAt) {
    public Reaction {
        Objects.requireNonNull(messageId, "messageId");
        Identifiers.check(reactor, "reactor", 128);
        Objects.requireNonNull(emoji, "emoji");
        if (emoji.isEmpty() || emoji.length() > 64) {
            throw new IllegalArgumentException("reaction: 1 to 64 characters of emoji");
        }
        reactedAt = Instant.ofEpochMilli(reactedAt.toEpochMilli());
    }

    @Override
    public String toString() {
        return "Reaction[" + messageId + "]";
    }
}
