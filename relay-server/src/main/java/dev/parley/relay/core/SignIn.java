package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.Account;
import dev.parley.relay.store.AccountStore;
import dev.parley.relay.store.BlobStore;
import dev.parley.relay.store.QueueWakeups;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Logs a connection in, split from {@link RelayService}: checks the answer to the challenge (device 1 by the identity
 * key, any device by its credential key), makes the connection its device's only one (an older one is closed with
 * 4001), answers {@code authenticated} with a fresh sender certificate and starts draining the device's queue.
 */
final class SignIn {
    private final RelayConfig config;
    private final AccountStore accounts;
    private final BlobStore blobs;
    private final ChallengeAuthenticator authenticator;
    private final ConnectionRegistry registry;
    private final RateLimiter limiter;
    private final RelayMetrics metrics;
    private final Executor delivery;
    private final Optional<QueueWakeups> wakeups;
    private final RemoteRouting remote;
    private final DirectDelivery direct;
    private final Clock clock;
    private final RequestAnswers answers;
    /** Sends a fresh challenge on a connection. */
    private final Consumer<ClientConnection> challenger;

    SignIn(RelayConfig config, AccountStore accounts, BlobStore blobs, ChallengeAuthenticator authenticator,
           ConnectionRegistry registry, RateLimiter limiter, RelayMetrics metrics, Executor delivery,
           Optional<QueueWakeups> wakeups, RemoteRouting remote, DirectDelivery direct, Clock clock,
           RequestAnswers answers, Consumer<ClientConnection> challenger) {
        this.config = config;
        this.accounts = accounts;
        this.blobs = blobs;
        this.authenticator = authenticator;
        this.registry = registry;
        this.limiter = limiter;
        this.metrics = metrics;
        this.delivery = delivery;
        this.wakeups = wakeups;
        this.remote = remote;
        this.direct = direct;
        this.clock = clock;
        this.answers = answers;
        this.challenger = challenger;
    }

    /**
     * Sends Authenticated (then starts delivery), or the error followed by a fresh challenge. One of
     * {@code authenticate} (device 1, by the identity key) and {@code byDevice} (by a device's credential) is set.
     */
    void authenticate(ClientConnection connection, long id, Request.Authenticate authenticate,
                              Request.DeviceAuthenticate byDevice) throws RateLimitExceededException {
        limiter.check(RateLimit.AUTH_PER_ADDRESS, connection.sink().remoteAddress());
        Push.Challenge challenge = connection.takeChallenge();
        Account account;
        try {
            account = byDevice == null ? authenticator.verify(challenge, authenticate)
                    : authenticator.verifyDevice(challenge, byDevice);
        } catch (RequestRejectedException e) {
            answers.reject(connection, id, e);
            challenger.accept(connection);
            return;
        }
        int deviceId = byDevice == null ? 1 : byDevice.deviceId();
        try {
            accounts.devices().seen(account.username(), deviceId, clock.instant());
        } catch (dev.parley.relay.store.StoreException e) {
            // "last seen" is informational: a failed write never refuses a login
            org.slf4j.LoggerFactory.getLogger(SignIn.class).warn("event=device_seen_failed");
        }
        DeviceConnection device = new DeviceConnection(account.username(), deviceId, connection.sink(), blobs,
                delivery, metrics, wakeups.isPresent());
        String username = device.username();
        connection.authenticated(device);
        metrics.authenticated();
        ClientConnection displaced = registry.online(username, connection);
        wakeups.ifPresent(w -> w.subscribe(username, device.wake()));
        remote.signedIn(username, connection, clock.millis());
        if (displaced != null && displaced != connection) {
            DeviceConnection previous = displaced.device();
            if (previous != null) {
                // Before this connection drains: blobs pushed directly to the old one are stored, in order.
                direct.connectionClosed(previous);
            }
            displaced.sink().close(RelayService.CLOSE_DISPLACED, "signed in on another connection");
        }
        int remaining = accounts.oneTimePreKeyCount(username);
        connection.sink().send(Envelope.of(id, new Response.Authenticated(remaining, authenticator.certificateFor(account, deviceId))));
        if (remaining < config.preKeyLowThreshold()) {
            connection.sink().send(Envelope.push(new Push.PreKeysLow(remaining)));
        }
        device.start();
    }
}
