package dev.parley.desktop.event;

import dev.parley.desktop.storage.MessageId;
import java.util.List;
import java.util.Objects;

/**
 * Messages of one conversation were removed from this device in one transaction (their disappearing timer ran out),
 * posted after commit: one event per conversation per sweep batch rather than one per message, so the UI does one
 * small piece of work per batch. Listeners drop the rows; the messages are gone.
 */
public record MessagesRemovedEvent(String conversation, List<MessageId> messageIds) implements AppEvent {
    public MessagesRemovedEvent {
        Objects.requireNonNull(conversation);
        messageIds = List.copyOf(messageIds);
    }
}
