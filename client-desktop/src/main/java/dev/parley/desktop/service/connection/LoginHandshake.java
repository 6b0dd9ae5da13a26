package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.service.ServiceException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in, on the control thread: checks the relay's challenge against the pinned relay, answers it
 * ({@link LoginRequests}) and acts on the relay's answer: online once the sender certificate checks out; for good
 * offline when the relay is not the pinned one or this device was unlinked; a refused new device credential falls
 * back to the old one. What a login changes in the connection service goes through {@link Session}.
 */
final class LoginHandshake {
    private static final Logger LOG = LoggerFactory.getLogger(LoginHandshake.class);

    /** The connection service's side of a login. */
    interface Session {
        /** Whether {@code c} is still the service's connection (a login on a replaced one is dropped). */
        boolean isCurrent(RelayConnection c);

        /** The relay accepted the login on {@code c}. */
        void online(RelayConnection c, int oneTimePreKeysRemaining);

        /** Closes {@code c} and connects no more until someone starts the service again. */
        void stopForGood(RelayConnection c);

        /** The relay says this device was unlinked from its account: closes {@code c} and connects never again. */
        void unlinked(RelayConnection c);
    }

    private final RelayPinning pinning;
    private final CredentialsSource credentials;
    private final ScheduledExecutorService control;
    private final Session session;

    LoginHandshake(RelayPinning pinning, CredentialsSource credentials, ScheduledExecutorService control,
                   Session session) {
        this.pinning = pinning;
        this.credentials = credentials;
        this.control = control;
        this.session = session;
    }

    void onChallenge(RelayConnection c, Push.Challenge challenge) {
        if (!session.isCurrent(c) || c.online) {
            return;
        }
        try {
            pinning.check(challenge);
        } catch (ServiceException e) {
            LOG.warn("not logging in: {}", e.getMessage());
            session.stopForGood(c);
            return;
        }
        c.link.request(LoginRequests.answer(c.credentials, challenge))
                .whenCompleteAsync((response, error) -> onAuthResult(c, response, error), control);
    }

    private void onAuthResult(RelayConnection c, Response response, Throwable error) {
        if (!session.isCurrent(c)) {
            return;
        }
        if (error != null) {
            LOG.info("login did not complete: {}", error.getClass().getSimpleName());
            return;
        }
        if (response instanceof Response.Authenticated authenticated) {
            try {
                pinning.certificateIssued(authenticated.senderCertificate(), c.credentials.username(),
                        c.credentials.deviceId(), c.credentials.identity());
            } catch (ServiceException e) {
                LOG.warn("not going online: {}", e.getMessage());
                c.link.close();
                return;
            }
            if (tentative(c)) {
                credentials.tentativeCredentialAccepted();
            }
            session.online(c, authenticated.oneTimePreKeysRemaining());
            return;
        }
        Response.ErrorResponse err = (Response.ErrorResponse) response;
        if (err.code() == ErrorCode.CHALLENGE_EXPIRED) {
            LOG.info("login challenge expired; answering the fresh one");
            return;
        }
        if (err.code() == ErrorCode.DEVICE_UNLINKED) {
            LOG.warn("this device was unlinked from its account; not connecting again");
            session.unlinked(c);
            return;
        }
        if (err.code() == ErrorCode.AUTH_FAILED && tentative(c)) {
            LOG.info("the relay never took this device's new credential key; logging in as before");
            credentials.tentativeCredentialRefused();
        }
        LOG.warn("the relay refused the login: {}", err.code());
        c.link.close();
    }

    /** Whether {@code c} logs in with a new device credential key the relay has not confirmed yet. */
    private static boolean tentative(RelayConnection c) {
        return c.credentials.device().map(RelayCredentials.DeviceLogin::tentative).orElse(false);
    }
}
