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
import dev.parley.relay.RelayConfig;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.AccountStore;
import dev.parley.relay.store.AttachmentStore;
import dev.parley.relay.store.BlobStore;
import dev.parley.relay.store.DiskAttachmentStore;
import dev.parley.relay.store.QueueWakeups;
import dev.parley.relay.store.StoreException;
import java.time.Clock;
import java.util.Optional;
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
    private final FrameCodec codec = FrameCodec.cbor();
    private final RateLimiter limiter;
    private final ChallengeAuthenticator authenticator;
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final RelayMetrics metrics;
    private final RelayThreads threads = new RelayThreads();
    private final ExpirySweeper sweeper;
    private final DirectDelivery direct;
    private final AttachmentRequests attachments;
    private final LinkChannels links;
    private final Rejections answers;
    private final RequestDispatch dispatch;

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
        this.limiter = new RateLimiter(config.limits(), clock, bus.flatMap(ClusterBus::sharedBuckets));
        this.authenticator = new ChallengeAuthenticator(identity, ed25519, random, accounts, clock, config.challengeTtl());
        this.metrics = new RelayMetrics(blobs);
        this.answers = new Rejections(metrics);
        this.sweeper = new ExpirySweeper(blobs, limiter, clock, metrics, threads.scheduler, config.sweepInterval());
        StoresInFlight storesInFlight = new StoresInFlight();
        this.direct = new DirectDelivery(blobs, registry, storesInFlight, metrics, threads.graceTimers,
                config.directGrace(), config.directWindow(), config.messageTtl(), config.queueQuota());
        this.remote = new RemoteRouting(bus, registry, direct, storesInFlight, metrics, threads.graceTimers,
                config.directGrace());
        metrics.bus(remote);
        metrics.limits(limiter);
        SendRouting routing = new SendRouting(config, blobs, limiter, registry, storesInFlight, direct, remote, metrics);
        DeviceDirectory directory = new DeviceDirectory(accounts.devices(), clock, wakeups.isPresent());
        KnownUsers knownUsers = new KnownUsers(accounts);
        MultiSend multiSend = new MultiSend(config, limiter, routing, knownUsers, directory, answers::reject, metrics,
                clock);
        AccountRequests accountRequests = new AccountRequests(config, accounts, limiter, authenticator,
                new OneTimePreKeyGate(clock), registry, ed25519, clock, knownUsers::add);
        DeviceRequests deviceRequests = new DeviceRequests(accounts, directory, authenticator, accountRequests, registry,
                blobs, routing, remote, limiter, clock, answers);
        this.links = new LinkChannels(clock);
        MessageRequests messages = new MessageRequests(blobs, limiter, registry, direct, routing, remote, deviceRequests,
                metrics, clock, answers, knownUsers);
        SignIn signIn = new SignIn(config, accounts, blobs, authenticator, registry, limiter, metrics, threads.delivery,
                wakeups, remote, direct, clock, answers, this::sendChallenge);
        this.attachments = new AttachmentRequests(attachmentStore, config.options().attachments(), accounts, limiter,
                clock, threads.scheduler, config.sweepInterval(), metrics,
                BulkTicketKey.loadOrCreate(config.dataDir(), random));
        this.dispatch = new RequestDispatch(accountRequests, signIn, limiter, links, messages, multiSend, directory,
                deviceRequests, attachments);
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
            Response response = dispatch.handle(connection, id, request);
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

    private void sendChallenge(ClientConnection connection) {
        Push.Challenge challenge = authenticator.newChallenge();
        connection.offer(challenge);
        connection.sink().send(Envelope.push(challenge));
    }

    private void reject(ClientConnection connection, long requestId, RequestRejectedException e) {
        answers.reject(connection, requestId, e);
    }

    @Override
    public void close() {
        attachments.close();
        sweeper.close();
        threads.close();
    }

    /** Stops at once without waiting for deliveries in progress; for crash tests. */
    public void halt() {
        attachments.close();
        sweeper.close();
        threads.halt();
    }
}
