package dev.parley.desktop.ui.unlock;

/** Where a new profile's relay runs. */
public enum RelayChoice {
    /** An embedded relay-server, in this process, on 127.0.0.1, with its data under the profile's directory. */
    EMBEDDED,
    /** A relay somewhere else: address, optional certificate pin, optional invite code. */
    REMOTE
}
