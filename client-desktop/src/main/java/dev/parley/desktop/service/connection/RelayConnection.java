package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.Push;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link's worth of state. Stale callbacks from an older link compare against the service's current connection and
 * stop. Link events go to the {@link Events} the service gives it.
 */
final class RelayConnection implements RelayLinkListener {
    private static final Logger LOG = LoggerFactory.getLogger(RelayConnection.class);

    /** Where a connection's link events go (called on Tyrus threads). */
    interface Events {
        void onPush(RelayConnection connection, Push push);

        void onPong(RelayConnection connection);

        void onClosed(RelayConnection connection, String reason);
    }

    final RelayCredentials credentials;
    final AtomicInteger inFlight = new AtomicInteger();
    /**
     * Pairwise sends of this link the relay has not answered yet, with their recipient; a multi-recipient send waits
     * for those to its recipients.
     */
    final java.util.Map<java.util.concurrent.CompletableFuture<Void>, String> unanswered =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Control thread only: a multi-recipient send of this link is not settled yet ({@code OutboxSender#sendAll}). */
    boolean multiInProgress;
    /** Control thread only: outbox items and multi-recipient batches waiting for it, in order. */
    final java.util.ArrayDeque<Object> afterMulti = new java.util.ArrayDeque<>();
    /** Control thread only: how often each message's device list was corrected on this link (issue #17). */
    final java.util.Map<String, Integer> corrections = new java.util.HashMap<>();
    /** Control thread only: the delays of sends tried again on this link after a relay failure or no answer. */
    final SendRetries retries = new SendRetries();
    final ConcurrentLinkedQueue<InboundHandler.Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Events events;
    volatile RelayLink link;
    volatile boolean online;
    volatile boolean queueEmpty;
    volatile boolean batchFull;
    /** A batch of this link could not be stored: the link is closing and never counts as drained. */
    volatile boolean failed;
    /** Closed by the heartbeat because no pong came within the timeout. */
    volatile boolean silenced;
    /** Inbound thread only: whether the handler heard {@code onPickupStarted} for this login. */
    boolean pickupAnnounced;
    volatile Instant lastPong;

    RelayConnection(RelayCredentials credentials, Events events) {
        this.credentials = credentials;
        this.events = events;
    }

    /**
     * The heartbeat of an online link: a ping, or, when no pong came within {@code pongTimeout} of {@code now}, the
     * link closed as silenced (the service then reconnects). Control thread.
     */
    void heartbeat(Instant now, Duration pongTimeout) {
        if (!online) {
            return;
        }
        if (Duration.between(lastPong, now).compareTo(pongTimeout) > 0) {
            LOG.info("relay stopped answering pings; reconnecting");
            silenced = true;
            link.close();
            return;
        }
        link.ping();
    }

    @Override
    public void onPush(Push push) {
        events.onPush(this, push);
    }

    @Override
    public void onPong() {
        events.onPong(this);
    }

    @Override
    public void onClosed(String reason) {
        events.onClosed(this, reason);
    }
}
