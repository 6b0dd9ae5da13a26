package dev.parley.desktop.event;

/**
 * Progress of the offline pickup that follows a login (the relay handing over the messages queued while this client
 * was away). Posted by the messaging service on the connection's inbound thread: once after each batch of queued
 * envelopes has been processed, after its messages were committed ({@code done == false}), and once when the relay reports
 * the queue empty ({@code done == true}, also when nothing was queued). A connection lost mid-pickup posts no
 * {@code done} event; the next login starts a new pickup from zero.
 *
 * @param received envelopes taken from the queue since this pickup started (stored, duplicate or rejected); never
 *                 decreases within one pickup
 * @param done     whether the queue is empty and the pickup is over
 */
public record PickupProgressEvent(int received, boolean done) implements AppEvent {
    public PickupProgressEvent {
        if (received < 0) {
            throw new IllegalArgumentException("received must not be negative");
        }
    }
}
