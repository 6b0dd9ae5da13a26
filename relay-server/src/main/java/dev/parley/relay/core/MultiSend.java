package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.crypto.wire.Response.MultiSendStatus;
import dev.parley.crypto.wire.Response.RecipientOutcome;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code send_multi}: one upload of a shared body with a sealed header per recipient (docs/protocol.md part 2,
 * "Multi-recipient send"). The request as a whole takes one token of each send rate limit (it is one upload); then
 * each recipient follows the rules of {@code send} through {@link SendRouting} with the blob
 * {@link MultiRecipientBlob}{@code (header, body)}, once for each of the recipient's current devices (issue #17: the
 * header is sealed to the account's identity key, which all its devices share, so every device opens the same blob;
 * the sender's own device is left out when a recipient is the sender's account). A recipient is settled when each of
 * its device copies is: accepted (a duplicate only if every copy was), or at the first full queue or failure. Unknown
 * users, a full queue, a spent per-recipient allowance
 * ({@link RateLimit#MULTI_RECIPIENTS_PER_ACCOUNT}, {@link RateLimit#STORED_BYTES_PER_ACCOUNT}) and duplicates are
 * outcomes of that recipient only. The answer, {@code send_multi_result}, is sent once every recipient is settled
 * (delivered and acknowledged, or durable). A store failure (database unavailable) is no recipient's fault: the
 * whole request is then answered {@code INTERNAL_ERROR} once every recipient is settled, and a retry with the same
 * client message ids is safe (what was stored answers {@code DUPLICATE}).
 */
final class MultiSend {
    private static final Logger LOG = LoggerFactory.getLogger(MultiSend.class);
    /** Bytes {@link MultiRecipientBlob#encode()} adds to header and body. */
    static final int BLOB_PREFIX_BYTES = 1 + Integer.BYTES;

    /** Answers a whole request with an error (and takes a strike), as for any other rejected request. */
    @FunctionalInterface
    interface Rejecter {
        void reject(ClientConnection connection, long requestId, RequestRejectedException error);
    }

    private final RelayConfig config;
    private final RateLimiter limiter;
    private final SendRouting routing;
    private final Predicate<String> userExists;
    private final DeviceDirectory directory;
    private final Rejecter rejecter;
    private final RelayMetrics metrics;
    private final Clock clock;

    MultiSend(RelayConfig config, RateLimiter limiter, SendRouting routing, Predicate<String> userExists,
              DeviceDirectory directory, Rejecter rejecter, RelayMetrics metrics, Clock clock) {
        this.directory = directory;
        this.config = config;
        this.limiter = limiter;
        this.routing = routing;
        this.userExists = userExists;
        this.rejecter = rejecter;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Routes every recipient; the answer follows asynchronously. */
    void handle(ClientConnection connection, long id, Request.SendMulti multi)
            throws RequestRejectedException, RateLimitExceededException {
        connection.buckets().check(RateLimit.SEND_PER_CONNECTION);
        limiter.check(RateLimit.SEND_PER_ADDRESS, connection.sink().remoteAddress());
        int largestHeader = multi.recipients().stream().mapToInt(r -> r.header().length).max().orElse(0);
        if ((long) BLOB_PREFIX_BYTES + largestHeader + multi.body().length > config.maxFrameBytes()) {
            throw new RequestRejectedException(ErrorCode.INVALID_FIELD, "body plus a header exceeds the frame limit of "
                    + config.maxFrameBytes() + " bytes (what one recipient's blob may take)");
        }
        metrics.multiSend(multi.recipients().size());
        long started = System.nanoTime();
        String sender = connection.device().account();
        int senderDevice = connection.device().deviceId();
        Instant now = clock.instant();
        Outcomes outcomes = new Outcomes(connection, id, multi.recipients(), started);
        SendRouting.StoreBatch toStore = new SendRouting.StoreBatch();
        for (int i = 0; i < multi.recipients().size(); i++) {
            Request.MultiRecipient recipient = multi.recipients().get(i);
            if (!userExists.test(recipient.to())) {
                outcomes.settle(i, MultiSendStatus.UNKNOWN_USER, 0);
                continue;
            }
            try {
                limiter.check(RateLimit.MULTI_RECIPIENTS_PER_ACCOUNT, sender);
                List<Integer> devices = new ArrayList<>(directory.ids(recipient.to()));
                if (recipient.to().equals(sender)) {
                    devices.remove(Integer.valueOf(senderDevice));
                }
                if (devices.isEmpty()) {
                    outcomes.settle(i, MultiSendStatus.ACCEPTED, 0);
                    continue;
                }
                byte[] blob = new MultiRecipientBlob(recipient.header(), multi.body()).encode();
                SendReply reply = devices.size() == 1 ? outcomes.replyFor(i) : outcomes.replyForDevices(i, devices.size());
                for (int device : devices) {
                    routing.route(sender, DeviceAddress.of(recipient.to(), device), recipient.clientMessageId(), blob,
                            now, reply, toStore);
                }
            } catch (RateLimitExceededException e) {
                outcomes.settle(i, MultiSendStatus.RATE_LIMITED, Math.max(1, e.retryAfterMillis()));
            }
        }
        routing.storeAll(toStore, now);
    }

    /** The outcome of each recipient, answered when the last one settles. Thread-safe. */
    private final class Outcomes {
        private final ClientConnection connection;
        private final long id;
        private final List<Request.MultiRecipient> recipients;
        private final AtomicReferenceArray<RecipientOutcome> settled;
        private final AtomicInteger open;
        private final long started;
        private volatile Throwable failure;

        Outcomes(ClientConnection connection, long id, List<Request.MultiRecipient> recipients, long started) {
            this.connection = connection;
            this.started = started;
            this.id = id;
            this.recipients = recipients;
            this.settled = new AtomicReferenceArray<>(recipients.size());
            this.open = new AtomicInteger(recipients.size());
        }

        void settle(int index, MultiSendStatus status, long retryAfterMillis) {
            if (!settled.compareAndSet(index, null,
                    new RecipientOutcome(recipients.get(index).to(), status, retryAfterMillis))) {
                return;
            }
            if (open.decrementAndGet() == 0) {
                answer();
            }
        }

        SendReply replyFor(int index) {
            return new SendReply() {
                @Override
                public void accepted(boolean duplicate) {
                    settle(index, duplicate ? MultiSendStatus.DUPLICATE : MultiSendStatus.ACCEPTED, 0);
                }

                @Override
                public void queueFull() {
                    settle(index, MultiSendStatus.QUEUE_FULL, 60_000);
                }

                @Override
                public void failed(Throwable error) {
                    failure = error;
                    // Settled as retryable; the whole request is answered INTERNAL_ERROR below.
                    settle(index, MultiSendStatus.RATE_LIMITED, 1_000);
                }
            };
        }

        /**
         * The reply of one recipient with {@code copies} devices: settled as {@link #replyFor} once every copy is
         * accepted ({@code DUPLICATE} only if each was a duplicate), or at the first copy refused or failed.
         */
        SendReply replyForDevices(int index, int copies) {
            SendReply recipient = replyFor(index);
            AtomicInteger waiting = new AtomicInteger(copies);
            AtomicInteger fresh = new AtomicInteger();
            return new SendReply() {
                @Override
                public void accepted(boolean duplicate) {
                    if (!duplicate) {
                        fresh.incrementAndGet();
                    }
                    if (waiting.decrementAndGet() == 0) {
                        recipient.accepted(fresh.get() == 0);
                    }
                }

                @Override
                public void queueFull() {
                    recipient.queueFull();
                }

                @Override
                public void failed(Throwable error) {
                    recipient.failed(error);
                }
            };
        }

        private void answer() {
            Throwable error = failure;
            if (error != null) {
                LOG.error("Store failure while handling a multi-recipient send", error);
                rejecter.reject(connection, id, new RequestRejectedException(ErrorCode.INTERNAL_ERROR,
                        "the relay could not store or load data; retrying with the same client message ids is safe"));
                return;
            }
            metrics.multiSendSettled(System.nanoTime() - started);
            List<RecipientOutcome> list = new ArrayList<>(recipients.size());
            for (int i = 0; i < recipients.size(); i++) {
                list.add(settled.get(i));
            }
            connection.sink().send(Envelope.of(id, new Response.SendMultiResult(list)));
        }
    }
}
