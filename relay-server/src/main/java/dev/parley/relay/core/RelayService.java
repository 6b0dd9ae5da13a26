package dev.parley.relay.core;

import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.FrameDecodeException;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.crypto.wire.Usernames;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.Account;
import dev.parley.relay.store.AccountStore;
import dev.parley.relay.store.AttachmentStore;
import dev.parley.relay.store.BlobStore;
import dev.parley.relay.store.DiskAttachmentStore;
import dev.parley.relay.store.QueueWakeups;
import dev.parley.relay.store.StoreException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay protocol, independent of the transport: admits connections, decodes frames, answers every request with
 * exactly one response, routes sealed blobs and drives delivery. Thread-safe; frames of one connection are expected
 * one at a time (as WebSocket containers deliver them).
 */
public final class RelayService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayService.class);
    /** WebSocket close code 1008: policy violation. */
    public static final int CLOSE_POLICY_VIOLATION = 1008;
    /** WebSocket close code 1013: try again later (too many connections from one address). */
    public static final int CLOSE_TRY_AGAIN_LATER = 1013;
    /** WebSocket close code 1009: message too big (frames over twice the limit). */
    public static final int CLOSE_TOO_BIG = 1009;
    /** Application close code: the same user connected again elsewhere. */
    public static final int CLOSE_DISPLACED = 4001;

    private final RelayConfig config;
    private final AccountStore accounts;
    private final BlobStore blobs;
    private final Clock clock;
    private final FrameCodec codec = FrameCodec.cbor();
    private final RateLimiter limiter;
    private final ChallengeAuthenticator authenticator;
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final RelayMetrics metrics;
    private final ExecutorService delivery;
    private final ScheduledExecutorService scheduler;
    private final ExpirySweeper sweeper;
    private final ScheduledThreadPoolExecutor graceTimers;
    private final StoresInFlight storesInFlight = new StoresInFlight();
    private final DirectDelivery direct;
    private final SendRouting routing;
    private final MultiSend multiSend;
    private final Set<String> knownUsers = ConcurrentHashMap.newKeySet();
    private final AttachmentRequests attachments;
    private final AccountRequests accountRequests;
    private final DeviceDirectory directory;
    private final DeviceRequests deviceRequests;
    private final SignIn signIn;
    private final MessageRequests messages;
    private final LinkChannels links;
    private final RequestAnswers answers = new RequestAnswers() {
        @Override
        public void send(ClientConnection connection, long requestId, Response response) {
            connection.sink().send(Envelope.of(requestId, response));
        }

        @Override
        public void reject(ClientConnection connection, long requestId, RequestRejectedException error) {
            RelayService.this.reject(connection, requestId, error);
        }

        @Override
        public void refuseWithoutStrike(ClientConnection connection, long requestId, RequestRejectedException error) {
            metrics.rejected(error.code());
            connection.sink().send(Envelope.of(requestId,
                    new Response.ErrorResponse(error.code(), error.getMessage(), error.retryAfterMillis())));
        }
    };

    /** The cluster bus (cross-node pushes, one connection per account); without a bus it forwards nothing. */
    private final RemoteRouting remote;
    /** Wake-ups of a store shared with other nodes; empty on a single node. */
    private final Optional<QueueWakeups> wakeups;

    public RelayService(RelayConfig config, RelayIdentity identity, AccountStore accounts, BlobStore blobs, Ed25519 ed25519,
                        RandomSource random, Clock clock) {
        this(config, identity, accounts, blobs, temporaryAttachments(random, clock), ed25519, random, clock,
                Optional.empty(), Optional.empty());
    }

    /**
     * @param attachmentStore where attachments go; closed with this service. A node of a cluster when {@code wakeups}
     *                        is present: its stores are shared with other nodes, which wake this node's connections
     *                        when they store a blob for them. With a {@code bus} the nodes also keep one connection per
     *                        account and push live deliveries to one another (see {@link RemoteRouting}).
     */
    public RelayService(RelayConfig config, RelayIdentity identity, AccountStore accounts, BlobStore blobs,
                        AttachmentStore attachmentStore, Ed25519 ed25519, RandomSource random, Clock clock,
                        Optional<QueueWakeups> wakeups, Optional<ClusterBus> bus) {
        this.wakeups = wakeups;
        this.config = config;
        this.accounts = accounts;
        this.blobs = blobs;
        this.clock = clock;
        this.limiter = new RateLimiter(config.limits(), clock, bus.flatMap(ClusterBus::sharedBuckets));
        this.authenticator = new ChallengeAuthenticator(identity, ed25519, random, accounts, clock, config.challengeTtl());
        this.metrics = new RelayMetrics(blobs);
        this.delivery = Executors.newFixedThreadPool(2, named("relay-delivery"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("relay-sweeper"));
        this.sweeper = new ExpirySweeper(blobs, limiter, clock, metrics, scheduler, config.sweepInterval());
        this.graceTimers = new ScheduledThreadPoolExecutor(1, named("relay-grace"));
        this.graceTimers.setRemoveOnCancelPolicy(true);
        this.direct = new DirectDelivery(blobs, registry, storesInFlight, metrics, graceTimers, config.directGrace(),
                config.directWindow(), config.messageTtl(), config.queueQuota());
        this.remote = new RemoteRouting(bus, registry, direct, storesInFlight, metrics, graceTimers, config.directGrace());
        metrics.bus(remote);
        metrics.limits(limiter);
        this.routing = new SendRouting(config, blobs, limiter, registry, storesInFlight, direct, remote, metrics);
        this.directory = new DeviceDirectory(accounts.devices(), clock, wakeups.isPresent());
        this.multiSend = new MultiSend(config, limiter, routing, this::userExists, directory, this::reject, metrics,
                clock);
        this.accountRequests = new AccountRequests(config, accounts, limiter, authenticator, new OneTimePreKeyGate(clock), registry,
                ed25519, clock, knownUsers::add);
        this.deviceRequests = new DeviceRequests(accounts, directory, authenticator, accountRequests, registry, blobs,
                routing, remote, limiter, clock, answers);
        this.links = new LinkChannels(clock);
        this.messages = new MessageRequests(blobs, limiter, registry, direct, routing, remote, deviceRequests, metrics,
                clock, answers, this::userExists);
        this.signIn = new SignIn(config, accounts, blobs, authenticator, registry, limiter, metrics, delivery, wakeups,
                remote, direct, clock, answers, this::sendChallenge);
        this.attachments = new AttachmentRequests(attachmentStore, config.options().attachments(), accounts, limiter, clock,
                scheduler, config.sweepInterval(), metrics, BulkTicketKey.loadOrCreate(config.dataDir(), random));
    }

    /** The bulk path of attachment bodies (HTTP on the same listener; docs/protocol.md, "Bulk transfers"). */
    public BulkTransfers bulk() {
        return attachments.bulk();
    }

    private static AttachmentStore temporaryAttachments(RandomSource random, Clock clock) {
        try {
            return DiskAttachmentStore.temporary(random, clock);
        } catch (java.io.IOException e) {
            throw new StoreException("no temporary directory for attachments", e);
        }
    }

    public RelayMetrics metrics() {
        return metrics;
    }

    /**
     * A connection opened: admits it (or closes it when its address holds too many) and sends the first challenge.
     *
     * @return the connection's state, or null when it was refused
     */
    public ClientConnection open(FrameSink sink) {
        if (!registry.admit(sink.remoteAddress(), config.maxConnectionsPerAddress())) {
            metrics.rejected(ErrorCode.RATE_LIMITED);
            sink.close(CLOSE_TRY_AGAIN_LATER, "too many connections from this address");
            return null;
        }
        metrics.connectionOpened();
        if (sink.lean()) {
            metrics.leanConnectionOpened();
        }
        ClientConnection connection = new ClientConnection(sink, limiter.forConnection());
        sendChallenge(connection);
        return connection;
    }

    /** The connection closed (either side). */
    public void closed(ClientConnection connection) {
        if (connection == null || !connection.markClosed()) {
            return;
        }
        registry.release(connection.sink().remoteAddress());
        links.closed(connection);
        DeviceConnection device = connection.device();
        if (device != null) {
            direct.connectionClosed(device);
            registry.offline(device.username(), connection);
            wakeups.ifPresent(w -> w.unsubscribe(device.username(), device.wake()));
            remote.signedOut(device.username(), connection);
        }
        metrics.connectionClosed(device != null);
    }

    /** Answers a frame that is larger than the frame limit without decoding it. */
    public void tooLarge(ClientConnection connection, int size) {
        reject(connection, 0, new RequestRejectedException(ErrorCode.FRAME_TOO_LARGE,
                "frame of " + size + " bytes exceeds the limit of " + config.maxFrameBytes()));
    }

    /**
     * Handles one binary WebSocket message from a client: one frame or several back to back, handled in order.
     * A frame that cannot be decoded is answered with its error and ends the message (the rest cannot be
     * resynchronised). Never throws.
     */
    public void receive(ClientConnection connection, byte[] bytes) {
        metrics.webSocketMessageReceived();
        if (bytes.length > config.maxMessageBytes()) {
            metrics.rejected(ErrorCode.FRAME_TOO_LARGE);
            connection.sink().close(CLOSE_TOO_BIG, "frame exceeds the largest message the relay reads");
            return;
        }
        if (bytes.length > config.maxFrameBytes()) {
            receiveLarge(connection, bytes);
            return;
        }
        try {
            codec.decodeAll(bytes, envelope -> handle(connection, envelope));
        } catch (FrameDecodeException e) {
            reject(connection, e.requestId(), new RequestRejectedException(e.code(), e.getMessage()));
        }
    }

    /** A message over the frame limit: handled only when it is one {@code send_multi} frame within its own limit. */
    private void receiveLarge(ClientConnection connection, byte[] bytes) {
        if (bytes.length <= config.maxSendMultiBytes()) {
            Envelope envelope;
            try {
                envelope = codec.decode(bytes);
            } catch (FrameDecodeException e) {
                if (e.code() == ErrorCode.INVALID_FIELD) {
                    // A well-formed frame with a bad field, e.g. a send_multi with 1,001 recipients: say which.
                    reject(connection, e.requestId(), new RequestRejectedException(e.code(), e.getMessage()));
                } else {
                    tooLarge(connection, bytes.length);
                }
                return;
            }
            if (envelope.frame() instanceof Request.SendMulti) {
                handle(connection, envelope);
                return;
            }
            // Decoded anyway: answer with the request's id, so the sender knows which request failed.
            reject(connection, envelope.requestId(), new RequestRejectedException(ErrorCode.FRAME_TOO_LARGE,
                    "frame of " + bytes.length + " bytes exceeds the limit of " + config.maxFrameBytes()));
            return;
        }
        tooLarge(connection, bytes.length);
    }

    private void handle(ClientConnection connection, Envelope envelope) {
        if (connection.refused()) {
            return;
        }
        metrics.frameReceived();
        long id = envelope.requestId();
        try {
            if (!(envelope.frame() instanceof Request request)) {
                throw new RequestRejectedException(ErrorCode.UNEXPECTED_FRAME, "clients send request frames only");
            }
            Response response = handle(connection, id, request);
            if (response != null) {
                connection.sink().send(Envelope.of(id, response));
            }
        } catch (RequestRejectedException e) {
            reject(connection, id, e);
        } catch (RateLimitExceededException e) {
            reject(connection, id, new RequestRejectedException(ErrorCode.RATE_LIMITED,
                    "rate limit " + e.limit().name() + " exceeded", e.retryAfterMillis()));
        } catch (StoreException e) {
            LOG.error("Store failure while handling a frame", e);
            reject(connection, id, new RequestRejectedException(ErrorCode.INTERNAL_ERROR, "the relay could not store or load data"));
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while handling a frame", e);
            reject(connection, id, new RequestRejectedException(ErrorCode.INTERNAL_ERROR, "internal relay error"));
        }
    }

    /** @return the response, or null when the handler has already sent it */
    private Response handle(ClientConnection connection, long id, Request request)
            throws RequestRejectedException, RateLimitExceededException {
        DeviceConnection device = connection.device();
        if (request instanceof Request.Register register) {
            return accountRequests.register(connection, register);
        }
        if (request instanceof Request.Authenticate authenticate) {
            if (device != null) {
                throw new RequestRejectedException(ErrorCode.ALREADY_AUTHENTICATED, "this connection is already authenticated");
            }
            signIn.authenticate(connection, id, authenticate, null);
            return null;
        }
        if (request instanceof Request.DeviceAuthenticate deviceAuthenticate) {
            if (device != null) {
                throw new RequestRejectedException(ErrorCode.ALREADY_AUTHENTICATED, "this connection is already authenticated");
            }
            signIn.authenticate(connection, id, null, deviceAuthenticate);
            return null;
        }
        if (request instanceof Request.LinkSend linkSend) {
            limiter.check(RateLimit.SEND_PER_ADDRESS, connection.sink().remoteAddress());
            return links.send(connection, linkSend);
        }
        if (device == null) {
            throw new RequestRejectedException(ErrorCode.NOT_AUTHENTICATED, "authenticate first");
        }
        if (request instanceof Request.LinkOpen linkOpen) {
            return links.open(connection, linkOpen);
        }
        if (request instanceof Request.Send send) {
            return messages.send(connection, id, send);
        }
        if (request instanceof Request.SendMulti multi) {
            multiSend.handle(connection, id, multi);
            return null;
        }
        if (request instanceof Request.Ack ack) {
            return messages.ack(connection, id, device, ack);
        }
        if (request instanceof Request.FetchBundle fetch) {
            if (!directory.ids(fetch.username()).contains(1)) {
                throw new RequestRejectedException(ErrorCode.UNKNOWN_DEVICE, "device 1 of this account was unlinked");
            }
            return accountRequests.fetchBundle(connection, device, fetch);
        }
        if (DeviceRequests.handles(request)) {
            return deviceRequests.handle(connection, id, request);
        }
        if (request instanceof Request.UploadPreKeys upload) {
            return accountRequests.upload(device, upload);
        }
        if (request instanceof Request.ReplacePreKeys replace) {
            return accountRequests.replace(device, replace);
        }
        if (request instanceof Request.SendEphemeral ephemeral) {
            return messages.sendEphemeral(connection, ephemeral);
        }
        if (request instanceof Request.DeviceSendEphemeral ephemeral) {
            return messages.deviceSendEphemeral(connection, ephemeral);
        }
        if (AttachmentRequests.handles(request)) {
            return attachments.handle(device.account(), request);
        }
        if (request instanceof Request.Lookup lookup) {
            return accountRequests.lookup(device, lookup);
        }
        throw new RequestRejectedException(ErrorCode.UNKNOWN_TYPE, "unsupported request");
    }

    private boolean userExists(String username) {
        if (knownUsers.contains(username)) {
            return true;
        }
        if (!Usernames.isValid(username) || accounts.find(username).isEmpty()) {
            return false;
        }
        knownUsers.add(username);
        return true;
    }

    private void sendChallenge(ClientConnection connection) {
        Push.Challenge challenge = authenticator.newChallenge();
        connection.offer(challenge);
        connection.sink().send(Envelope.push(challenge));
    }

    /** Sends the error response and takes a strike; a connection out of strikes is closed with 1008. */
    private void reject(ClientConnection connection, long requestId, RequestRejectedException e) {
        metrics.rejected(e.code());
        connection.sink().send(Envelope.of(requestId,
                new Response.ErrorResponse(e.code(), e.getMessage(), e.retryAfterMillis())));
        try {
            connection.buckets().check(RateLimit.STRIKES_PER_CONNECTION);
        } catch (RateLimitExceededException abuse) {
            metrics.closedForAbuse();
            connection.refuse();
            LOG.info("Closing a connection after repeated rejected frames");
            connection.sink().close(CLOSE_POLICY_VIOLATION, "too many rejected frames");
        }
    }

    @Override
    public void close() {
        attachments.close();
        sweeper.close();
        scheduler.shutdownNow();
        graceTimers.shutdownNow();
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.shutdownNow();
        }
    }

    /** Stops at once without waiting for deliveries in progress; for crash tests. */
    public void halt() {
        attachments.close();
        sweeper.close();
        scheduler.shutdownNow();
        graceTimers.shutdownNow();
        delivery.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
