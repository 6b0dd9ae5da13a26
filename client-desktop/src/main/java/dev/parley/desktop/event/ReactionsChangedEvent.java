package dev.parley.desktop.event;

import dev.parley.desktop.storage.MessageId;
import java.util.Objects;

/** Someone (this user included) set or removed a reaction to a message of a conversation. */
public record ReactionsChangedEvent(String conversation, MessageId messageId) implements AppEvent {
    public ReactionsChangedEvent {
        Objects.requireNonNull(conversation);
        Objects.requireNonNull(messageId);
    }
}
