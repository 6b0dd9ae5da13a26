package dev.parley.desktop.storage;

/** What a conversation is: one-to-one today; groups join here without touching the one-to-one path. */
public enum ConversationKind {
    /** A one-to-one conversation; its id is the peer's username ({@link ConversationId#direct}). */
    DIRECT,
    /** A group conversation (issue #15); its id is {@link ConversationId#group}. */
    GROUP
}
