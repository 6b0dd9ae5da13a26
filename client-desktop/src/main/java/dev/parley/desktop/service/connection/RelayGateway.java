package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.ServiceException;
import java.time.Duration;
import java.util.List;

/** Request/response calls to the relay for the other services (bundles, prekey uploads, registration). */
public interface RelayGateway {

    /**
     * Sends {@code request} over the authenticated connection (starting it if needed and waiting until it is online)
     * and returns the successful response.
     *
     * @throws dev.parley.desktop.service.RelayUnreachableException if the relay cannot be reached in time
     * @throws ServiceException the typed equivalent of the relay's error response
     */
    Response call(Request request) throws ServiceException;

    /**
     * Like {@link #call}, but returns the relay's error response instead of throwing it, for callers that act on the
     * error code (a resumed upload, a rate limit to wait out).
     *
     * @throws dev.parley.desktop.service.RelayUnreachableException if the relay cannot be reached in time
     */
    Response exchange(Request request) throws ServiceException;

    /**
     * Sends one body to several recipients in one upload ({@code send_multi}, docs/protocol.md part 2,
     * "Multi-recipient send") and returns each recipient's outcome, in the order given. Recipients refused with
     * {@code QUEUE_FULL} or {@code RATE_LIMITED} are retried after the relay's delay, as the outbox retries a single
     * send, for up to {@link #MULTI_SEND_RETRY_BUDGET}; a recipient still refused then keeps that outcome (with its
     * {@code retryAfterMillis}) for the caller to resend later with the same client message id and header.
     *
     * @throws dev.parley.desktop.service.RelayUnreachableException if the relay cannot be reached within the budget
     * @throws ServiceException the relay refused the whole request (e.g. {@code INVALID_FIELD})
     */
    List<Response.RecipientOutcome> sendMulti(List<Request.MultiRecipient> recipients, byte[] body) throws ServiceException;

    /** How long {@link #sendMulti} keeps retrying refused recipients and relay failures. */
    Duration MULTI_SEND_RETRY_BUDGET = Duration.ofSeconds(30);

    /**
     * Sends a pre-authentication request (register) over a short-lived link of its own, built from the relay's
     * first challenge (which carries the relay id and signing key the request may need to bind or pin).
     */
    Response callUnauthenticated(RelayAddress relay, ChallengeAnswer request) throws ServiceException;

    /**
     * Issue #17: the next message of the linking channel this device opened ({@code link_message} pushed on the
     * authenticated connection), waiting up to {@code timeout}; empty if none came.
     */
    default java.util.Optional<byte[]> nextLinkMessage(Duration timeout) throws ServiceException {
        return java.util.Optional.empty();
    }

    /**
     * Issue #17: whether the relay said that the new device which had joined the linking channel {@code channel} left
     * it ({@code device_link_left}: it cancelled, or its window or process closed).
     */
    default boolean linkPeerLeft(byte[] channel) {
        return false;
    }

    /** Issue #17: a link of its own that never logs in, for a device joining an account ({@link JoiningLink}). */
    default JoiningLink openJoining(RelayAddress relay) throws ServiceException {
        throw new dev.parley.desktop.service.RelayUnreachableException("no relay connector");
    }

    /**
     * Issue #13: the address (and pin) of the relay this gateway talks to, for the bulk path on the same listener
     * (docs/protocol.md, "Bulk transfers"); empty when it has none to offer.
     */
    default java.util.Optional<RelayAddress> relayAddress() throws ServiceException {
        return java.util.Optional.empty();
    }

    /** Builds a request from the relay's challenge. */
    @FunctionalInterface
    interface ChallengeAnswer {
        Request answer(dev.parley.crypto.wire.Push.Challenge challenge) throws ServiceException;
    }
}
