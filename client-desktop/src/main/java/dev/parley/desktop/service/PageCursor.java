package dev.parley.desktop.service;

/**
 * An opaque position in a conversation's history (keyset paging, so a page costs the same at message 100,000 as at
 * message 1).
 *
 * @param position the storage's ordering key of the oldest message of the previous page
 */
public record PageCursor(long position) {
}
