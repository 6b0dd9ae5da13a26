package dev.parley.desktop.event;

import dev.parley.desktop.storage.Message;
import java.util.Objects;

/**
 * Posted by the messaging service after an incoming message was decrypted and committed to the history (before the
 * relay is acknowledged). Posted once per message, never for a redelivered duplicate.
 *
 * @param message the stored message
 */
public record MessageReceivedEvent(Message message) implements AppEvent {
    public MessageReceivedEvent {
        Objects.requireNonNull(message);
    }
}
