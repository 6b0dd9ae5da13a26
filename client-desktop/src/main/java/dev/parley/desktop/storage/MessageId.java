package dev.parley.desktop.storage;

/**
 * The globally unique id of a message, chosen by its sender and carried inside the sealed envelope; the same id on a
 * redelivered envelope identifies the same message. 1 to 128 characters, no control characters.
 */
public record MessageId(String value) {
    public static final int MAX_LENGTH = 128;

    public MessageId {
        Identifiers.check(value, "message id", MAX_LENGTH);
    }
}
