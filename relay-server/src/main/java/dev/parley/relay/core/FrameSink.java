package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;

/** The transport side of one client connection, as the relay core sees it. Implementations are thread-safe. */
public interface FrameSink {
    /** Sends a frame without blocking on the network; frames sent from one thread arrive in order. */
    void send(Envelope envelope);

    /** Closes the connection with a WebSocket close code and a short reason. */
    void close(int closeCode, String reason);

    /** The peer's IP address, the key of per-address limits. */
    String remoteAddress();
}
