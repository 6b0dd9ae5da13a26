package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.Request;
import dev.parley.desktop.service.StorageFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound thread: hands deliveries to the {@link InboundHandler} in relay order, a batch at a time, and
 * acknowledges (fire and forget) each one whose outcome allows it; the others stay on the relay and come again on the
 * next login.
 * A batch that could not be stored abandons its link: nothing of it is acknowledged and the link never counts as
 * drained.
 */
final class DeliveryDrain {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDrain.class);
    /** Most deliveries committed in one transaction. */
    static final int DELIVERY_BATCH = 500;
    /** Deliveries behind the current batch that the handler may start on ahead ({@link InboundHandler#onUpcoming}). */
    static final int LOOKAHEAD = 2 * DELIVERY_BATCH;

    private final InboundHandler inbound;
    private final ScheduledExecutorService thread;
    private final Predicate<RelayConnection> isCurrent;
    private final Runnable signal;

    /**
     * @param isCurrent whether a connection is still the service's current one
     * @param signal    wakes whoever waits for the connection's state to change
     */
    DeliveryDrain(InboundHandler inbound, ScheduledExecutorService thread, Predicate<RelayConnection> isCurrent,
                  Runnable signal) {
        this.inbound = inbound;
        this.thread = thread;
        this.isCurrent = isCurrent;
        this.signal = signal;
    }

    void delivered(RelayConnection c, InboundHandler.Delivery delivery) {
        c.deliveries.add(delivery);
        RelayConnectionService.run(thread, () -> drain(c));
    }

    /** Every queued blob of this login was pushed; the queue counts as drained once they are handled. */
    void queueEmpty(RelayConnection c) {
        RelayConnectionService.run(thread, () -> {
            if (c.failed || !isCurrent.test(c)) {
                return;
            }
            pickupStarted(c);
            inbound.onQueueDrained();
            c.queueEmpty = true;
            signal.run();
        });
    }

    void ephemeral(byte[] blob) {
        RelayConnectionService.run(thread, () -> inbound.onEphemeral(blob));
    }

    /**
     * Takes every delivery queued so far (up to a batch), commits them through the handler, then acknowledges each one
     * whose outcome allows it.
     */
    private void drain(RelayConnection c) {
        if (!isCurrent.test(c) || c.failed) {
            c.deliveries.clear();
            return;
        }
        pickupStarted(c);
        List<InboundHandler.Delivery> batch = new ArrayList<>();
        InboundHandler.Delivery next;
        while (batch.size() < DELIVERY_BATCH && (next = c.deliveries.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        inbound.onUpcoming(upcoming(c, batch));
        List<InboundHandler.Outcome> outcomes;
        try {
            outcomes = inbound.onDeliveries(batch);
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException("the handler returned " + outcomes.size() + " outcomes for "
                        + batch.size() + " deliveries");
            }
            LOG.trace("stored a batch of {} deliveries: {}", batch.size(), outcomes);
        } catch (StorageFailureException e) {
            LOG.error("could not store incoming messages; they stay on the relay", e);
            abandon(c);
            return;
        } catch (RuntimeException e) {
            LOG.error("incoming message handler failed; the messages stay on the relay", e);
            abandon(c);
            return;
        }
        acknowledge(c, batch, outcomes);
        if (!c.deliveries.isEmpty()) {
            RelayConnectionService.run(thread, () -> drain(c));
        }
    }

    /** This batch, then up to {@value #LOOKAHEAD} deliveries queued behind it (still queued; only looked at). */
    private static List<InboundHandler.Delivery> upcoming(RelayConnection c, List<InboundHandler.Delivery> batch) {
        List<InboundHandler.Delivery> upcoming = new ArrayList<>(batch);
        for (InboundHandler.Delivery next : c.deliveries) {
            if (upcoming.size() >= batch.size() + LOOKAHEAD) {
                break;
            }
            upcoming.add(next);
        }
        return upcoming;
    }

    /**
     * Acknowledges, in one coalesced write, each delivery whose outcome allows it. Acks are fire and forget
     * (docs/protocol.md part 2, "Lean answers"): nothing waits for an answer, and one that does not take effect (the
     * link drops, the relay fails) only means the blob comes again on the next connection, where the handler's dedupe
     * absorbs it.
     */
    private void acknowledge(RelayConnection c, List<InboundHandler.Delivery> batch, List<InboundHandler.Outcome> outcomes) {
        int unconfirmed = 0;
        List<Request.Ack> acks = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i).acknowledge()) {
                acks.add(new Request.Ack(batch.get(i).relayMessageId()));
            } else {
                unconfirmed++;
            }
        }
        c.link.fireAll(acks);
        signal.run();
        if (unconfirmed > 0) {
            LOG.warn("left {} deliveries unacknowledged on the relay: their message keys were already used, but no stored "
                    + "message records them", unconfirmed);
        }
    }

    /**
     * Gives up on this link after a batch could not be stored: nothing of it is acknowledged, and the link never counts
     * as drained (a queue-empty signal already on its way must not make {@code listen --once} report success).
     */
    private void abandon(RelayConnection c) {
        c.failed = true;
        c.deliveries.clear();
        c.link.close();
        signal.run();
    }

    /**
     * Announces this login's pickup to the handler before its first delivery or queue-empty signal. Done here rather
     * than when the login answer arrives, because the relay may send that answer, the queued deliveries and
     * queue-empty in one WebSocket message, and the answer is handled on another thread.
     */
    private void pickupStarted(RelayConnection c) {
        if (!c.pickupAnnounced) {
            c.pickupAnnounced = true;
            inbound.onPickupStarted();
        }
    }
}
