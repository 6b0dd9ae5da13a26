package dev.parley.desktop.net;

/** Where the client's link to its relay stands. */
public enum ConnectionStatus {
    /** Not connected and not trying (initial state, or after {@code stop()}). */
    DISCONNECTED,
    /** Opening the WebSocket. */
    CONNECTING,
    /** WebSocket open; answering the relay's login challenge. */
    AUTHENTICATING,
    /** Logged in: messages flow, the offline queue is being (or has been) drained. */
    ONLINE,
    /** The link failed; waiting until the next attempt. */
    RECONNECTING
}
