package dev.parley.bench.relay;

import java.net.URI;

/**
 * How a load-generator client talks to the relay. {@link #PARLEY} is Parley's own client: it asks for lean answers
 * (docs/protocol.md part 2, "Lean answers"; the desktop client's {@code TyrusRelayConnector} does the same), sends what
 * its window allows in one WebSocket message (as the outbox flushes) and acknowledges the deliveries of one incoming
 * message together (as {@code DeliveryDrain} acks a batch). {@link #ALONE} is the independent load client:
 * every request in its own WebSocket message, today's answers.
 */
enum ClientKind {
    PARLEY(true, true),
    ALONE(false, false);

    final boolean lean;
    /** Whether sends of a window and acks of one incoming message share WebSocket messages. */
    final boolean coalesced;

    ClientKind(boolean lean, boolean coalesced) {
        this.lean = lean;
        this.coalesced = coalesced;
    }

    /** The relay's {@code /parley} address as this kind of client opens it. */
    URI uri(URI relay) {
        return lean ? URI.create(relay + "?answers=lean") : relay;
    }
}
