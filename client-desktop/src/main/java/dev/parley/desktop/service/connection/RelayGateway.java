package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.ServiceException;

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
     * Sends a pre-authentication request (register) over a short-lived link of its own, built from the relay's
     * first challenge (which carries the relay id and signing key the request may need to bind or pin).
     */
    Response callUnauthenticated(RelayAddress relay, ChallengeAnswer request) throws ServiceException;

    /** Builds a request from the relay's challenge. */
    @FunctionalInterface
    interface ChallengeAnswer {
        Request answer(dev.parley.crypto.wire.Push.Challenge challenge) throws ServiceException;
    }
}
