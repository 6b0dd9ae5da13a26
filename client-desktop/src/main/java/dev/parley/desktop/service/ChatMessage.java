package dev.parley.desktop.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message in a conversation, as the UI shows it.
 *
 * @param id            the message id, chosen by the sender, unique per conversation; the dedupe key
 * @param contact       the contact's username (the conversation)
 * @param direction     incoming or outgoing
 * @param text          the plaintext
 * @param sentAt        the sender's timestamp
 * @param state         the current state
 * @param failureReason why sending failed; present only for FAILED
 */
public record ChatMessage(String id, String contact, Direction direction, String text, Instant sentAt, MessageState state,
                          Optional<String> failureReason) {
    public ChatMessage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(contact);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(text);
        Objects.requireNonNull(sentAt);
        Objects.requireNonNull(state);
        Objects.requireNonNull(failureReason);
    }

    @Override
    public String toString() {
        return "ChatMessage[" + direction + ", " + state + "]";
    }
}
