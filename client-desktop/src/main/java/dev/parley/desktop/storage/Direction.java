package dev.parley.desktop.storage;

/**
 * Whether a message was written on this device or received from a peer, or is a line Parley itself wrote into the
 * conversation (a notice such as the protocol v2 session reset; never sent, never counted as unread).
 */
public enum Direction {
    OUTGOING,
    INCOMING,
    SYSTEM
}
