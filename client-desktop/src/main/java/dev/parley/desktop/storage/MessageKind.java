package dev.parley.desktop.storage;

/** What a stored message is: a text someone wrote, or a line the app wrote about the conversation. */
public enum MessageKind {
    /** A text (possibly a reply, edited or deleted). */
    TEXT,
    /** An event of the conversation, such as "alice set disappearing messages to 1 hour"; never sent. */
    SYSTEM
}
