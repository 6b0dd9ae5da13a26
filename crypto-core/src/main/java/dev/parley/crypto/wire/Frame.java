package dev.parley.crypto.wire;

/**
 * A relay wire frame body. Every frame travels inside an {@link Envelope} (protocol version + request id) and is
 * one of three kinds: a {@link Request} from a client, the {@link Response} the relay sends to exactly one request
 * (same request id), or a {@link Push} the relay sends on its own (request id 0).
 */
public sealed interface Frame permits Request, Response, Push {
}
