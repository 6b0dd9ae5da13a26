package dev.parley.crypto.wire;

import java.util.Objects;

/**
 * One frame on the wire: the protocol version, the request id and the frame body.
 *
 * <p>Clients choose request ids (positive, unique per connection while in flight); the relay echoes the id in the
 * one {@link Response} it sends to that request. Pushes from the relay carry request id {@code 0}.
 *
 * @param version   protocol version, {@link #CURRENT_VERSION} for everything this code writes
 * @param requestId request id, or 0 for pushes
 * @param frame     the frame body
 */
public record Envelope(int version, long requestId, Frame frame) {
    /** The only protocol version this code speaks (Parley 0.2; 0.1 spoke version 1). */
    public static final int CURRENT_VERSION = 2;

    public Envelope {
        Objects.requireNonNull(frame, "frame");
        if (requestId < 0) {
            throw new IllegalArgumentException("request id must not be negative");
        }
    }

    /** A current-version envelope for a request or response. */
    public static Envelope of(long requestId, Frame frame) {
        return new Envelope(CURRENT_VERSION, requestId, frame);
    }

    /** A current-version envelope for a push (request id 0). */
    public static Envelope push(Push push) {
        return new Envelope(CURRENT_VERSION, 0, push);
    }
}
