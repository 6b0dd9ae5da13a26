package dev.parley.desktop.storage;

/**
 * A position in a conversation's history, for keyset paging. Opaque to callers: take it from
 * {@link Message#cursor()} or {@link MessagePage#nextBefore()} and pass it back to {@link MessageStore#page}.
 *
 * @param sequence the local storage sequence number (increases with every stored message)
 */
public record MessageCursor(long sequence) {
}
