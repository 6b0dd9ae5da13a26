package dev.parley.desktop.storage;

/** Outcome of {@link MessageStore#updateState}. */
public enum StateUpdate {
    /** The state changed. */
    APPLIED,
    /** The transition would go backwards or repeat the current state; nothing changed. */
    IGNORED,
    /** No message has that id. */
    NOT_FOUND
}
