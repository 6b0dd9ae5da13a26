package dev.parley.desktop.storage;

/** Whether a message was written on this device or received from a peer. */
public enum Direction {
    OUTGOING,
    INCOMING
}
