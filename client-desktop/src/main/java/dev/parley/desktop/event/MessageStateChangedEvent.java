package dev.parley.desktop.event;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import java.util.Objects;

/**
 * Posted by the messaging service after a message's state change was committed: SENT when the relay stored it,
 * DELIVERED / READ when a receipt arrived, FAILED when sending became impossible, READ for incoming messages the user
 * marked read.
 *
 * @param contact   the conversation
 * @param messageId the message
 * @param state     the new state
 */
public record MessageStateChangedEvent(String contact, MessageId messageId, MessageState state) implements AppEvent {
    public MessageStateChangedEvent {
        Objects.requireNonNull(contact);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(state);
    }
}
