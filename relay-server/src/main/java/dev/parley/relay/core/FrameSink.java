package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;

/** The transport side of one client connection, as the relay core sees it. Implementations are thread-safe. */
public interface FrameSink {
    /** Sends a frame without blocking on the network; frames sent from one thread arrive in order. */
    void send(Envelope envelope);

    /**
     * Sends an answer that may wait a little (on a lean connection, at most the relay's lean answer delay) to leave
     * together with other frames to this connection; elsewhere the same as {@link #send}.
     */
    default void sendUnhurried(Envelope envelope) {
        send(envelope);
    }

    /**
     * Whether the client asked for lean answers when it connected (docs/protocol.md part 2, "Lean answers"): its
     * successful {@code ack}s are not answered and its {@code send_accepted}s may wait a little.
     */
    default boolean lean() {
        return false;
    }

    /** Closes the connection with a WebSocket close code and a short reason. */
    void close(int closeCode, String reason);

    /** The peer's IP address, the key of per-address limits. */
    String remoteAddress();
}
