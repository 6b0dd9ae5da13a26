package dev.parley.relay.core;

import dev.parley.crypto.wire.Push;
import dev.parley.relay.limits.RateLimiter;

/** The relay's state for one WebSocket connection. Owned by {@link RelayService}; guarded by its own monitor. */
public final class ClientConnection {
    private final FrameSink sink;
    private final RateLimiter.ConnectionBuckets buckets;
    private Push.Challenge challenge;
    private DeviceConnection device;
    private boolean closed;
    private volatile boolean refused;

    ClientConnection(FrameSink sink, RateLimiter.ConnectionBuckets buckets) {
        this.sink = sink;
        this.buckets = buckets;
    }

    FrameSink sink() {
        return sink;
    }

    RateLimiter.ConnectionBuckets buckets() {
        return buckets;
    }

    synchronized void offer(Push.Challenge value) {
        challenge = value;
    }

    /** Takes the current challenge away (it is single-use), or null if there is none. */
    synchronized Push.Challenge takeChallenge() {
        Push.Challenge taken = challenge;
        challenge = null;
        return taken;
    }

    synchronized DeviceConnection device() {
        return device;
    }

    synchronized void authenticated(DeviceConnection value) {
        device = value;
    }

    /** The relay is closing this connection for abuse: the rest of its current message is not handled. */
    void refuse() {
        refused = true;
    }

    boolean refused() {
        return refused;
    }

    /** @return false if it was already closed */
    synchronized boolean markClosed() {
        boolean wasOpen = !closed;
        closed = true;
        return wasOpen;
    }
}
