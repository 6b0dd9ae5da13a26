package dev.parley.desktop.event;

import dev.parley.desktop.storage.MessageId;
import java.util.Objects;

/**
 * A stored message changed after it was shown: posted (after commit) when its author edited it, when it was deleted
 * for everyone (it is now a tombstone), or when it was removed from this device (deleted for me, or disappeared).
 * Listeners reload the message; a REMOVED message is gone.
 */
public record MessageChangedEvent(String conversation, MessageId messageId, Change change) implements AppEvent {
    public enum Change { EDITED, DELETED, REMOVED }

    public MessageChangedEvent {
        Objects.requireNonNull(conversation);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(change);
    }
}
