package dev.parley.desktop.storage;

import java.util.Objects;
import java.util.Optional;

/** A conversation: the thing messages belong to. */
public record Conversation(ConversationId id, ConversationKind kind) {
    public Conversation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
    }

    /** The other participant of a direct conversation; empty for other kinds. */
    public Optional<String> directPeer() {
        return kind == ConversationKind.DIRECT ? Optional.of(id.value()) : Optional.empty();
    }

    /** Whether {@code username} takes part in this conversation (besides this profile's own user). */
    public boolean hasParticipant(String username) {
        return directPeer().map(username::equals).orElse(false);
    }
}
