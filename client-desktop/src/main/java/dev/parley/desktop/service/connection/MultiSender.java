package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.crypto.wire.Response.MultiSendStatus;
import dev.parley.crypto.wire.Response.RecipientOutcome;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RelayGateway#sendMulti}: one {@code send_multi} upload, then the retries a single send gets from the outbox
 * ({@link OutboxSender}): recipients answered {@code QUEUE_FULL} or {@code RATE_LIMITED} are sent again (same client
 * message id and header) after the relay's delay, the whole request again after {@code INTERNAL_ERROR}, a
 * frame-level {@code RATE_LIMITED} or a dropped connection (safe: recipients already stored answer
 * {@code DUPLICATE}). Unlike the outbox, which retries for as long as it is online, a caller waits here at most the
 * retry budget: a recipient whose next retry would fall after it keeps its last outcome, for the caller to keep and
 * resend later.
 */
final class MultiSender {
    private static final Logger LOG = LoggerFactory.getLogger(MultiSender.class);
    /** The shortest wait before a retry, as the outbox waits. */
    static final long MIN_RETRY_MILLIS = 100;

    /** Waits between attempts; a test may replace it. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** One request/response exchange with the relay, as {@link RelayGateway#exchange}. */
    @FunctionalInterface
    interface Exchange {
        Response exchange(Request request) throws ServiceException;
    }

    private final Exchange relay;
    /** Monotonic nanoseconds (not the wall clock, which a test may stop or shift). */
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Duration retryBudget;

    MultiSender(Exchange relay, LongSupplier nanoTime, Sleeper sleeper, Duration retryBudget) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget");
    }

    List<RecipientOutcome> send(List<Request.MultiRecipient> recipients, byte[] body) throws ServiceException {
        long deadline = nanoTime.getAsLong() + retryBudget.toNanos();
        Map<String, RecipientOutcome> outcomes = new HashMap<>();
        List<Request.MultiRecipient> pending = List.copyOf(recipients);
        while (!pending.isEmpty()) {
            Response response;
            try {
                response = relay.exchange(new Request.SendMulti(pending, body));
            } catch (RelayUnreachableException e) {
                if (!waitUntil(deadline, MIN_RETRY_MILLIS)) {
                    throw e;
                }
                continue;
            }
            if (response instanceof Response.ErrorResponse error) {
                if (!retryable(error.code()) || !waitUntil(deadline, Math.max(MIN_RETRY_MILLIS, error.retryAfterMillis()))) {
                    throw RelayErrors.toException(error);
                }
                continue;
            }
            if (!(response instanceof Response.SendMultiResult result) || result.outcomes().size() != pending.size()) {
                throw new dev.parley.desktop.service.RelayRejectedException("the relay answered a multi-recipient send "
                        + "with something else than one outcome per recipient");
            }
            List<Request.MultiRecipient> again = new ArrayList<>();
            long wait = MIN_RETRY_MILLIS;
            for (int i = 0; i < pending.size(); i++) {
                RecipientOutcome outcome = result.outcomes().get(i);
                outcomes.put(pending.get(i).to(), outcome);
                if (outcome.status() == MultiSendStatus.QUEUE_FULL || outcome.status() == MultiSendStatus.RATE_LIMITED) {
                    again.add(pending.get(i));
                    wait = Math.max(wait, outcome.retryAfterMillis());
                }
            }
            if (again.isEmpty() || !waitUntil(deadline, wait)) {
                break;
            }
            LOG.debug("retrying {} of {} recipients in {} ms", again.size(), recipients.size(), wait);
            pending = again;
        }
        List<RecipientOutcome> ordered = new ArrayList<>(recipients.size());
        for (Request.MultiRecipient recipient : recipients) {
            ordered.add(outcomes.get(recipient.to()));
        }
        return ordered;
    }

    private static boolean retryable(ErrorCode code) {
        return code == ErrorCode.RATE_LIMITED || code == ErrorCode.INTERNAL_ERROR;
    }

    /** Sleeps {@code millis} if that ends before the deadline. @return false (without sleeping) when it would not */
    private boolean waitUntil(long deadline, long millis) throws ServiceException {
        if (nanoTime.getAsLong() + millis * 1_000_000L - deadline > 0) {
            return false;
        }
        try {
            sleeper.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnreachableException("interrupted while waiting to retry a multi-recipient send", e);
        }
    }
}
