package dev.parley.relay.core;

import java.time.Instant;

/**
 * A blob pushed straight to an online recipient whose sender has not been answered yet. Mutable state is guarded by
 * the owning {@link DeviceConnection}'s monitor.
 */
final class PendingDirect {
    enum State {
        /** Pushed, neither acknowledged nor stored: the sender waits. */
        PENDING,
        /** The grace period ran out (or the recipient left) and the store is in progress. */
        STORING,
        /** Stored under {@link #storedId}; an acknowledgement of the direct id deletes the stored blob. */
        STORED
    }

    final long directId;
    final DeviceConnection device;
    final byte[] clientMessageId;
    /** Dropped once acknowledged, so an answered entry waiting in the grace queue holds no payload. */
    byte[] blob;
    final Instant receivedAt;
    final SendReply reply;
    State state = State.PENDING;
    /** {@link System#nanoTime()} after which it is stored if still pending. */
    long graceDeadline;
    long storedId;
    /**
     * This store holds back direct delivery to the recipient's next connection ({@link StoresInFlight}): set when the
     * store starts after, or is still running when, the connection closed.
     */
    boolean blocking;
    /**
     * This store started while the connection was open and holds back its drains until the stored id is known
     * ({@link DeviceConnection#ownStoreStarted}), so the blob is not pushed to it a second time.
     */
    boolean holdsDrain;
    /** An acknowledgement that arrived while storing; answered once the store's outcome is known. */
    AckReply ackWhileStoring;

    PendingDirect(long directId, DeviceConnection device, byte[] clientMessageId, byte[] blob, Instant receivedAt,
                  SendReply reply) {
        this.directId = directId;
        this.device = device;
        this.clientMessageId = clientMessageId;
        this.blob = blob;
        this.receivedAt = receivedAt;
        this.reply = reply;
    }
}
