package dev.parley.desktop.net;

import java.io.IOException;

/** Opens {@link RelayLink}s. One connector per application; it owns the WebSocket client's threads. */
public interface RelayConnector extends AutoCloseable {

    /**
     * Opens a WebSocket to {@code address} (for wss, trusting exactly the pinned certificate).
     *
     * @throws IOException if the relay cannot be reached, the TLS pin does not match or the handshake fails
     */
    RelayLink connect(RelayAddress address, RelayLinkListener listener) throws IOException;

    /** Stops the client threads; open links are closed. */
    @Override
    void close();
}
