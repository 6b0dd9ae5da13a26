package dev.parley.desktop.storage;

/** The UI theme setting. */
public enum Theme {
    SYSTEM,
    LIGHT,
    DARK
}
