package dev.parley.desktop.service.connection;

import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * When a send of one link is tried again after the relay failed it ({@code INTERNAL_ERROR}: "the frame may be
 * retried") or left it unanswered past the request timeout while the link stayed up. The relay drops a resent client
 * message id it already took, so trying again is safe; waiting for the next login instead left the message "sending"
 * for as long as the link lived. The delay doubles from {@link #FIRST} to {@link #LONGEST} per message; a new login
 * starts again (its flush resends everything unanswered). Control thread only.
 */
final class SendRetries {
    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration LONGEST = Duration.ofSeconds(30);

    private final Map<String, Integer> attempts = new HashMap<>();

    /** The delay before the next try of this message to this recipient (or these devices), in milliseconds. */
    long nextDelayMillis(byte[] clientMessageId, String recipient) {
        int n = attempts.merge(HexFormat.of().formatHex(clientMessageId) + '/' + recipient, 1, Integer::sum);
        long delay = FIRST.toMillis() << Math.min(n - 1, 16);
        return Math.min(delay, LONGEST.toMillis());
    }

    /** Whether a request failed because no answer came in time (the link may still be up), not because it closed. */
    static boolean unanswered(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return e instanceof TimeoutException;
    }
}
