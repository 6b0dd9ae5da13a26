package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.service.StorageFailureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's multi-recipient uploads (issue #15, docs/protocol.md 1.15.4 and part 2 "Multi-recipient send"): the
 * outbox keeps one entry per recipient holding the blob the relay would deliver ({@code 0x4D || header || body});
 * the entries of one message (same client message id and body) are sent as one {@code send_multi} with the body once.
 * Per recipient: {@code ACCEPTED}/{@code DUPLICATE} leave the outbox, {@code UNKNOWN_USER} fails that recipient only,
 * {@code QUEUE_FULL}/{@code RATE_LIMITED} send that recipient's blob again alone after the relay's delay, as a
 * {@code send_multi} of that one recipient (issue #17: the relay fans it out to each of the recipient's devices, where
 * a plain {@code send} would be refused for an account with several; the copies already stored answer as
 * duplicates). A whole request throttled or failed ({@code RATE_LIMITED}, {@code INTERNAL_ERROR}) is sent again after
 * the delay; one the relay cannot take ({@code INVALID_FIELD}, {@code FRAME_TOO_LARGE}) goes as single
 * sends, each judged alone; anything else stays in the outbox for the next login. Runs on the control thread.
 */
final class MultiSends {
    private static final Logger LOG = LoggerFactory.getLogger(MultiSends.class);
    /** Most recipients of one {@code send_multi} (the relay's limit). */
    static final int MAX_RECIPIENTS = Request.MAX_MULTI_RECIPIENTS;

    /** The entries of one message: the shared body and, per entry, its recipient's header. */
    static final class Batch {
        final byte[] clientMessageId;
        final byte[] body;
        final List<Outbox.Item> items = new ArrayList<>();
        final List<byte[]> headers = new ArrayList<>();

        Batch(byte[] clientMessageId, byte[] body) {
            this.clientMessageId = clientMessageId;
            this.body = body;
        }
    }

    private final Outbox outbox;
    private final ScheduledExecutorService control;
    private final Predicate<RelayConnection> isOnline;
    private final OutboxSender single;

    MultiSends(Outbox outbox, ScheduledExecutorService control, Predicate<RelayConnection> isOnline,
               OutboxSender single) {
        this.outbox = outbox;
        this.control = control;
        this.isOnline = isOnline;
        this.single = single;
    }

    /**
     * Adds a multi-recipient item to the batch of its message (a new one if none matches, or the last is full).
     *
     * @return false if the item is not a well-formed multi-recipient blob (it is then sent as it is)
     */
    static boolean add(List<Batch> batches, Outbox.Item item) {
        Optional<MultiRecipientBlob> blob = MultiRecipientBlob.decode(item.blob());
        if (blob.isEmpty()) {
            return false;
        }
        byte[] body = blob.get().body();
        Batch target = null;
        for (Batch b : batches) {
            if (b.items.size() < MAX_RECIPIENTS && Arrays.equals(b.clientMessageId, item.clientMessageId())
                    && Arrays.equals(b.body, body)) {
                target = b;
            }
        }
        if (target == null) {
            target = new Batch(item.clientMessageId(), body);
            batches.add(target);
        }
        target.items.add(item);
        target.headers.add(blob.get().header());
        return true;
    }

    /**
     * Sends a batch once the relay answered the pairwise sends in flight on this link to its recipients; calls
     * {@link OutboxSender#multiSettled} once it is settled (answered, or given up for this link).
     */
    void send(RelayConnection c, Batch batch) {
        c.inFlight.incrementAndGet();
        java.util.Set<String> to = new java.util.HashSet<>();
        batch.items.forEach(item -> to.add(item.recipient()));
        List<CompletableFuture<Void>> before = new ArrayList<>();
        c.unanswered.forEach((answered, recipient) -> {
            if (to.contains(recipient)) {
                before.add(answered);
            }
        });
        CompletableFuture.allOf(before.toArray(CompletableFuture[]::new)).whenCompleteAsync((ignored, e) -> {
            if (!isOnline.test(c)) {
                single.finished(c);
                single.multiSettled(c);
                return;
            }
            List<Request.MultiRecipient> recipients = new ArrayList<>(batch.items.size());
            for (int i = 0; i < batch.items.size(); i++) {
                Outbox.Item item = batch.items.get(i);
                recipients.add(new Request.MultiRecipient(item.recipient(), item.clientMessageId(), batch.headers.get(i)));
            }
            c.link.request(new Request.SendMulti(recipients, batch.body))
                    .whenCompleteAsync((response, error) -> onResult(c, batch, response, error), control);
        }, control);
    }

    private void onResult(RelayConnection c, Batch batch, Response response, Throwable error) {
        boolean again = false;
        try {
            if (error != null) {
                LOG.debug("multi-recipient send not confirmed; it stays in the outbox", error);
            } else if (response instanceof Response.SendMultiResult result
                    && result.outcomes().size() == batch.items.size()) {
                settle(c, batch, result.outcomes());
            } else if (response instanceof Response.ErrorResponse err) {
                switch (err.code()) {
                    case RATE_LIMITED, INTERNAL_ERROR -> {
                        again = true;
                        control.schedule(() -> {
                            if (isOnline.test(c)) {
                                send(c, batch);
                            } else {
                                single.multiSettled(c);
                            }
                        }, Math.max(100, err.retryAfterMillis()), TimeUnit.MILLISECONDS);
                    }
                    case INVALID_FIELD, FRAME_TOO_LARGE -> {
                        LOG.info("multi-recipient send refused with {}; sending its {} recipients one by one",
                                err.code(), batch.items.size());
                        batch.items.forEach(item -> single.send(c, item));
                    }
                    default -> LOG.info("multi-recipient send refused with {}; it stays in the outbox", err.code());
                }
            } else {
                LOG.warn("the relay answered a multi-recipient send with something else than one outcome per "
                        + "recipient; it stays in the outbox");
            }
        } catch (StorageFailureException e) {
            LOG.error("cannot record the relay's answer to a multi-recipient send", e);
        } finally {
            single.finished(c);
            if (!again) {
                single.multiSettled(c);
            }
        }
    }

    private void settle(RelayConnection c, Batch batch, List<Response.RecipientOutcome> outcomes)
            throws StorageFailureException {
        List<Outbox.Item> accepted = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outbox.Item item = batch.items.get(i);
            Response.RecipientOutcome outcome = outcomes.get(i);
            switch (outcome.status()) {
                case ACCEPTED, DUPLICATE -> accepted.add(item);
                case UNKNOWN_USER -> outbox.rejected(item, "relay refused: UNKNOWN_USER");
                case QUEUE_FULL, RATE_LIMITED -> retryAlone(c, item, batch.body, batch.headers.get(i),
                        outcome.retryAfterMillis());
                default -> LOG.info("multi-recipient send: unexpected outcome {}; it stays in the outbox",
                        outcome.status());
            }
        }
        outbox.acceptedAll(accepted);
    }

    /**
     * Sends one recipient's blob again, alone, after {@code retryAfterMillis} (at least 100 ms) if this link is still
     * online: a {@code send_multi} of that recipient, judged as in {@link #settle}; a relay that refuses the request
     * (an older one) gets the blob as a plain {@code send}.
     */
    private void retryAlone(RelayConnection c, Outbox.Item item, byte[] body, byte[] header, long retryAfterMillis) {
        control.schedule(() -> {
            if (!isOnline.test(c)) {
                return;
            }
            c.inFlight.incrementAndGet();
            c.link.request(new Request.SendMulti(List.of(new Request.MultiRecipient(item.recipient(),
                    item.clientMessageId(), header)), body)).whenCompleteAsync((response, error) -> {
                        try {
                            if (response instanceof Response.SendMultiResult result && result.outcomes().size() == 1) {
                                Response.RecipientOutcome outcome = result.outcomes().get(0);
                                switch (outcome.status()) {
                                    case ACCEPTED, DUPLICATE -> outbox.accepted(item);
                                    case UNKNOWN_USER -> outbox.rejected(item, "relay refused: UNKNOWN_USER");
                                    case QUEUE_FULL, RATE_LIMITED -> retryAlone(c, item, body, header,
                                            outcome.retryAfterMillis());
                                    default -> LOG.info("multi-recipient retry: unexpected outcome {}; it stays in the "
                                            + "outbox", outcome.status());
                                }
                            } else if (response instanceof Response.ErrorResponse err && (err.code()
                                    == dev.parley.crypto.wire.ErrorCode.INVALID_FIELD
                                    || err.code() == dev.parley.crypto.wire.ErrorCode.FRAME_TOO_LARGE)) {
                                single.send(c, item);
                            } else if (response instanceof Response.ErrorResponse err && (err.code()
                                    == dev.parley.crypto.wire.ErrorCode.RATE_LIMITED
                                    || err.code() == dev.parley.crypto.wire.ErrorCode.INTERNAL_ERROR)) {
                                retryAlone(c, item, body, header, Math.max(100, err.retryAfterMillis()));
                            } else {
                                LOG.debug("multi-recipient retry not confirmed; it stays in the outbox", error);
                            }
                        } catch (StorageFailureException e) {
                            LOG.error("cannot record the relay's answer to a multi-recipient retry", e);
                        } finally {
                            single.finished(c);
                        }
                    }, control);
        }, Math.max(100, retryAfterMillis), TimeUnit.MILLISECONDS);
    }
}
