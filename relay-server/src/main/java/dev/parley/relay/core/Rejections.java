package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests after their handler returned, split from {@link RelayService}: a response, an error that costs the
 * connection a strike (a connection out of strikes is closed with 1008), or an error without a strike.
 */
final class Rejections implements RequestAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

    private final RelayMetrics metrics;

    Rejections(RelayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void send(ClientConnection connection, long requestId, Response response) {
        connection.sink().send(Envelope.of(requestId, response));
    }

    /** Sends the error response and takes a strike; a connection out of strikes is closed with 1008. */
    @Override
    public void reject(ClientConnection connection, long requestId, RequestRejectedException error) {
        metrics.rejected(error.code());
        connection.sink().send(Envelope.of(requestId,
                new Response.ErrorResponse(error.code(), error.getMessage(), error.retryAfterMillis())));
        try {
            connection.buckets().check(RateLimit.STRIKES_PER_CONNECTION);
        } catch (RateLimitExceededException abuse) {
            metrics.closedForAbuse();
            connection.refuse();
            LOG.info("Closing a connection after repeated rejected frames");
            connection.sink().close(RelayService.CLOSE_POLICY_VIOLATION, "too many rejected frames");
        }
    }

    @Override
    public void refuseWithoutStrike(ClientConnection connection, long requestId, RequestRejectedException error) {
        metrics.rejected(error.code());
        connection.sink().send(Envelope.of(requestId,
                new Response.ErrorResponse(error.code(), error.getMessage(), error.retryAfterMillis())));
    }
}
