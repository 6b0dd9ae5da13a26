package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.FlushScope;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.service.StorageFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control thread's sending side: flushes the durable {@link Outbox} on a login (a batch at a time) and records the
 * relay's answer to each send. Refused for good: marked failed; throttled: retried after the relay's delay; failed on
 * the relay or unanswered in time while the link stays up: retried after a growing delay ({@link SendRetries});
 * anything else: it stays in the outbox for the next login.
 */
final class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final ScheduledExecutorService control;
    private final Predicate<RelayConnection> isOnline;
    private final Runnable signal;
    private final MultiSends multi;
    private final DeviceSends devices;

    /**
     * @param isOnline whether a connection is still the current one and logged in
     * @param signal   wakes whoever waits for the connection's state to change
     */
    OutboxSender(Outbox outbox, ScheduledExecutorService control, java.util.concurrent.Executor background,
                 Predicate<RelayConnection> isOnline, Runnable signal) {
        this.outbox = outbox;
        this.control = control;
        this.isOnline = isOnline;
        this.signal = signal;
        this.multi = new MultiSends(outbox, control, isOnline, this);
        this.devices = new DeviceSends(outbox, control, background, isOnline, this);
    }

    /** Sends up to a batch of pending items; the last answer of a full batch asks for the next. */
    void flush(RelayConnection c) {
        List<Outbox.Item> items;
        try {
            items = outbox.pending();
        } catch (StorageFailureException e) {
            LOG.error("cannot read the outbox", e);
            return;
        }
        if (!items.isEmpty()) {
            LOG.info("resending {} queued messages", items.size());
        }
        c.batchFull = items.size() >= Outbox.BATCH;
        sendAll(c, items);
    }

    /**
     * Sends items in order: pairwise ones at once, and the multi-recipient blobs of one message (same client message
     * id and body, {@code MultiRecipientBlob}) as one {@code send_multi} ({@link MultiSends}) at the place of its
     * first entry. The order holds across both kinds: a {@code send_multi} starts once the relay answered every
     * pairwise send in flight on this link to one of its recipients (a group message's sender keys are stored before
     * it), and anything after it waits until it is settled (a removal sent after a message arrives after it). A send
     * the relay asks to try again later (a full queue) does not hold the others up: it is retried alone.
     */
    void sendAll(RelayConnection c, List<Outbox.Item> items) {
        List<Object> steps = new ArrayList<>();
        List<MultiSends.Batch> batches = new ArrayList<>();
        for (Outbox.Item item : items) {
            int before = batches.size();
            if (item.ephemeral()) {
                DeviceSends.add(steps, item);
            } else if (!MultiSends.add(batches, item)) {
                DeviceSends.add(steps, item);
            } else if (batches.size() > before) {
                steps.add(batches.get(batches.size() - 1));
            }
        }
        // Frames queued together leave coalesced (a wave of presence is one WebSocket message per 16 KiB, not one
        // per contact): the relay reads, decodes and answers them as one message.
        FlushScope.run(() -> {
            for (Object step : steps) {
                if (c.multiInProgress) {
                    c.afterMulti.add(step);
                } else {
                    run(c, step);
                }
            }
        });
    }

    /**
     * Sends pairwise items at once, even while a {@code send_multi} waits (issue #17: the copies of a message corrected
     * after a stale device list, which that {@code send_multi} may be waiting for).
     */
    void sendAllNow(RelayConnection c, List<Outbox.Item> items) {
        List<Object> steps = new ArrayList<>();
        for (Outbox.Item item : items) {
            DeviceSends.add(steps, item);
        }
        FlushScope.run(() -> steps.forEach(step -> run(c, step)));
    }

    private void run(RelayConnection c, Object step) {
        if (step instanceof MultiSends.Batch batch) {
            c.multiInProgress = true;
            multi.send(c, batch);
        } else if (step instanceof DeviceSends.Copies copies) {
            devices.send(c, copies);
        } else {
            send(c, (Outbox.Item) step);
        }
    }

    /** A {@code send_multi} of this link is settled: sends what waited for it, up to the next one. */
    void multiSettled(RelayConnection c) {
        c.multiInProgress = false;
        if (!isOnline.test(c)) {
            c.afterMulti.clear();       // still in the outbox: the next login sends it
            return;
        }
        while (!c.multiInProgress && !c.afterMulti.isEmpty()) {
            run(c, c.afterMulti.poll());
        }
    }

    void send(RelayConnection c, Outbox.Item item) {
        if (item.ephemeral()) {
            // fire and forget: a lean relay does not answer it, and nothing waited for its ok anyway
            c.link.fireAll(List.of(new Request.SendEphemeral(item.recipient(), item.blob())));
            return;
        }
        CompletableFuture<Void> answered = new CompletableFuture<>();
        c.inFlight.incrementAndGet();
        c.unanswered.put(answered, item.recipient());
        c.link.request(new Request.Send(item.recipient(), item.clientMessageId(), item.blob()))
                .whenCompleteAsync((response, error) -> {
                    if (response instanceof Response.DeviceListStale stale) {
                        // The recipient has linked devices (issue #17): corrected and sent again as a device_send;
                        // a group message waiting for this one waits for that (a sender key before its message).
                        devices.correct(c, dev.parley.desktop.crypto.DeviceAddress.accountOf(item.recipient()),
                                item.clientMessageId(), stale.devices(), answered);
                        return;
                    }
                    c.unanswered.remove(answered);
                    answered.complete(null);
                    onSendResult(c, item, response, error);
                }, control);
    }

    private void onSendResult(RelayConnection c, Outbox.Item item, Response response, Throwable error) {
        try {
            if (error != null && SendRetries.unanswered(error) && isOnline.test(c)) {
                LOG.debug("send not answered in time; trying again on this link");
                retryLater(c, item, c.retries.nextDelayMillis(item.clientMessageId(), item.recipient()));
            } else if (error != null) {
                LOG.debug("send not confirmed; it stays in the outbox", error);
            } else if (response instanceof Response.SendAccepted) {
                outbox.accepted(item);
            } else if (response instanceof Response.ErrorResponse err) {
                switch (err.code()) {
                    case UNKNOWN_USER, INVALID_FIELD, FRAME_TOO_LARGE -> outbox.rejected(item, "relay refused: " + err.code());
                    case QUEUE_FULL, RATE_LIMITED -> retryLater(c, item, err.retryAfterMillis());
                    case INTERNAL_ERROR -> retryLater(c, item,
                            c.retries.nextDelayMillis(item.clientMessageId(), item.recipient()));
                    default -> LOG.info("send refused with {}; it stays in the outbox", err.code());
                }
            }
        } catch (StorageFailureException e) {
            LOG.error("cannot record the relay's answer to a send", e);
        } finally {
            finished(c);
        }
    }

    /** Sends one item alone after {@code retryAfterMillis} (at least 100 ms), if this link is still online. */
    void retryLater(RelayConnection c, Outbox.Item item, long retryAfterMillis) {
        control.schedule(() -> {
            if (isOnline.test(c)) {
                send(c, item);
            }
        }, Math.max(100, retryAfterMillis), TimeUnit.MILLISECONDS);
    }

    /** One request of this link answered: asks for the next batch after a full one, and wakes the waiters. */
    void finished(RelayConnection c) {
        if (c.inFlight.decrementAndGet() == 0 && c.batchFull && isOnline.test(c)) {
            flush(c);
        }
        signal.run();
    }
}
