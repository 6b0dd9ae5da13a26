package dev.parley.desktop.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a conversation, newest first.
 *
 * @param messages the messages, newest first
 * @param before   pass to the next call to get the page of older messages; empty on the last page
 */
public record HistoryPage(List<ChatMessage> messages, Optional<PageCursor> before) {
    public HistoryPage {
        messages = List.copyOf(messages);
        Objects.requireNonNull(before);
    }
}
