package dev.parley.desktop.net;

import dev.parley.crypto.wire.Push;

/**
 * Receives what the relay sends on its own. Calls come from the link's single reader thread, in the order the relay
 * sent the frames; a listener must not block it for long.
 */
public interface RelayLinkListener {
    void onPush(Push push);

    /** A pong arrived for one of our pings. */
    default void onPong() {
    }

    /** The link is closed (by either side or a network failure); called once. */
    void onClosed(String reason);
}
