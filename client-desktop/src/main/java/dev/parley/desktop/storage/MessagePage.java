package dev.parley.desktop.storage;

import java.util.List;
import java.util.Optional;

/**
 * One page of a conversation's history.
 *
 * @param messages   newest first
 * @param nextBefore the cursor to pass for the next (older) page, empty when this page reached the oldest message
 */
public record MessagePage(List<Message> messages, Optional<MessageCursor> nextBefore) {
    public MessagePage {
        messages = List.copyOf(messages);
    }
}
