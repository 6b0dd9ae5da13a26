package dev.parley.desktop.service;

import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ObservableValue;
import java.time.Duration;

/**
 * The link to the relay: login, heartbeat, reconnect with backoff, offline pickup and outbox resend. Incoming
 * messages are handed to the messaging layer as they arrive.
 */
public interface ConnectionService extends AutoCloseable {

    /** Starts connecting in the background and keeps reconnecting until {@link #stop()}. */
    void start() throws ServiceException;

    /** Disconnects and stops reconnecting. */
    void stop();

    ObservableValue<ConnectionState> state();

    /**
     * Blocks until the relay has delivered everything that was queued for this client at login (and each message was
     * stored and its acknowledgement written to the link; acks are not answered, see docs/protocol.md part 2, "Lean
     * answers") and the outbox has been flushed.
     *
     * @return false if that did not happen within {@code timeout}
     */
    boolean awaitDrained(Duration timeout) throws InterruptedException;

    @Override
    void close();
}
