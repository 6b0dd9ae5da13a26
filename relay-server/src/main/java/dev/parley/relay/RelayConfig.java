package dev.parley.relay;

import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a relay needs to start. Start from {@link #defaults()} and change what you need with the withers:
 *
 * <pre>{@code
 * RelayConfig config = RelayConfig.defaults().withPort(0).withDataDir(Path.of("relay-data"));
 * try (RelayServer relay = RelayServer.start(config)) {
 *     URI uri = relay.uri();   // ws://127.0.0.1:<port>/parley
 * }
 * }</pre>
 *
 * @param host                     address to bind; {@code 127.0.0.1} by default, all interfaces only if explicit
 * @param port                     TCP port; 0 picks a free one
 * @param dataDir                  directory of the H2 database, relay id and TLS material; empty keeps everything
 *                                 in memory (lost on close)
 * @param tls                      TLS mode
 * @param inviteOnly               registration needs an unused invite code
 * @param messageTtl               how long an unacknowledged blob is kept
 * @param queueQuota               most blobs queued for one recipient; more are refused with QUEUE_FULL
 * @param maxFrameBytes            largest accepted frame, in bytes
 * @param maxConnectionsPerAddress most simultaneous connections from one IP address
 * @param limits                   rate limits
 * @param challengeTtl             how long an authentication challenge is valid
 * @param sweepInterval            how often expired blobs are deleted
 * @param preKeyLowThreshold       a user whose one-time prekey stock falls below this is told to upload more
 * @param directGrace              how long a blob pushed straight to an online, drained recipient waits for its
 *                                 acknowledgement before it is stored durably (the sender is answered only after
 *                                 one or the other); zero stores every blob before delivering it
 * @param directWindow             most blobs per recipient pushed straight and not yet acknowledged; further blobs
 *                                 are stored first
 * @param options                  connection, storage and exposure safeguards (idle timeout, prekey and sender
 *                                 caps, where {@code /metrics} is served)
 */
public record RelayConfig(String host, int port, Optional<Path> dataDir, TlsSettings tls, boolean inviteOnly,
                          Duration messageTtl, int queueQuota, int maxFrameBytes, int maxConnectionsPerAddress,
                          RateLimits limits, Duration challengeTtl, Duration sweepInterval, int preKeyLowThreshold,
                          Duration directGrace, int directWindow, ServerOptions options) {

    /**
     * Floor for {@link #maxFrameBytes()}: a client may coalesce frames into one WebSocket message of up to
     * {@link dev.parley.crypto.wire.FrameCodec#MAX_COALESCED_BYTES}, which every relay must accept.
     */
    public static final int MIN_FRAME_BYTES = dev.parley.crypto.wire.FrameCodec.MAX_COALESCED_BYTES;
    /** Hard ceiling for {@link #maxFrameBytes()}: the blob column holds at most 1 MiB. */
    public static final int MAX_FRAME_BYTES_CEILING = 1024 * 1024;

    /**
     * Largest WebSocket message the relay reads: a {@code send_multi} frame alone may take
     * {@link #maxSendMultiBytes()}; any other message up to twice {@link #maxFrameBytes()} is read and answered
     * {@code FRAME_TOO_LARGE}; anything longer closes the connection with 1009.
     */
    public int maxMessageBytes() {
        return Math.max(2 * maxFrameBytes, maxSendMultiBytes());
    }

    /** Largest {@code send_multi} frame: {@link dev.parley.crypto.wire.FrameCodec#MAX_SEND_MULTI_BYTES} or the frame limit. */
    public int maxSendMultiBytes() {
        return Math.max(maxFrameBytes, dev.parley.crypto.wire.FrameCodec.MAX_SEND_MULTI_BYTES);
    }

    public RelayConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (messageTtl.isNegative() || messageTtl.isZero() || challengeTtl.isNegative() || challengeTtl.isZero()
                || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
        if (queueQuota < 1 || maxConnectionsPerAddress < 1 || preKeyLowThreshold < 0) {
            throw new IllegalArgumentException("quota and connection limit must be positive");
        }
        if (maxFrameBytes < MIN_FRAME_BYTES || maxFrameBytes > MAX_FRAME_BYTES_CEILING) {
            throw new IllegalArgumentException("frame limit must be between 16 KiB and 1 MiB");
        }
        Objects.requireNonNull(directGrace, "directGrace");
        Objects.requireNonNull(options, "options");
        if (directGrace.isNegative() || directWindow < 1) {
            throw new IllegalArgumentException("the direct-delivery grace must not be negative and the window must be positive");
        }
        if (tls instanceof TlsSettings.SelfSigned && dataDir.isEmpty()) {
            throw new IllegalArgumentException("a self-signed certificate is kept in the data directory: set one");
        }
    }

    /**
     * Loopback, port 8443, in memory, no TLS, open registration, 30-day TTL, 10,000 blobs per recipient, 64 KiB frames,
     * 1 s direct-delivery grace with at most 256 unacknowledged direct blobs per recipient.
     */
    public static RelayConfig defaults() {
        return new RelayConfig("127.0.0.1", 8443, Optional.empty(), new TlsSettings.None(), false, Duration.ofDays(30),
                10_000, 64 * 1024, 16, RateLimits.defaults(), Duration.ofSeconds(60), Duration.ofMinutes(1), 10,
                Duration.ofSeconds(1), 256, ServerOptions.defaults());
    }

    public RelayConfig withHost(String value) {
        return new RelayConfig(value, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withPort(int value) {
        return new RelayConfig(host, value, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withDataDir(Path value) {
        return new RelayConfig(host, port, Optional.of(value), tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withTls(TlsSettings value) {
        return new RelayConfig(host, port, dataDir, value, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withInviteOnly(boolean value) {
        return new RelayConfig(host, port, dataDir, tls, value, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withMessageTtl(Duration value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, value, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withQueueQuota(int value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, value, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withMaxFrameBytes(int value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, value,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withMaxConnectionsPerAddress(int value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                value, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withLimits(RateLimits value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, value, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withLimit(RateLimit limit, BucketSpec spec) {
        return withLimits(limits.with(limit, spec));
    }

    public RelayConfig withChallengeTtl(Duration value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, value, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withSweepInterval(Duration value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, value, preKeyLowThreshold, directGrace, directWindow,
                options);
    }

    public RelayConfig withPreKeyLowThreshold(int value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, value, directGrace, directWindow,
                options);
    }

    public RelayConfig withDirectGrace(Duration value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, value, directWindow, options);
    }

    public RelayConfig withDirectWindow(int value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, value, options);
    }

    public RelayConfig withOptions(ServerOptions value) {
        return new RelayConfig(host, port, dataDir, tls, inviteOnly, messageTtl, queueQuota, maxFrameBytes,
                maxConnectionsPerAddress, limits, challengeTtl, sweepInterval, preKeyLowThreshold, directGrace, directWindow,
                value);
    }

    /** Encrypts the relay's H2 database under this key (needs a data directory). */
    public RelayConfig withDatabaseKey(DatabaseKey value) {
        return withOptions(options.withDatabaseKey(value));
    }

    /** Where {@code GET /metrics} is served. */
    public RelayConfig withMetrics(MetricsAccess value) {
        return withOptions(options.withMetrics(value));
    }

    /** Attachment size limit, per-account quota and TTL. */
    public RelayConfig withAttachments(AttachmentLimits value) {
        return withOptions(options.withAttachments(value));
    }

    /** Most one-time prekeys one account may keep on the relay. */
    public RelayConfig withMaxOneTimePreKeys(int value) {
        return withOptions(options.withMaxOneTimePreKeys(value));
    }

    /** Closes a connection that sends nothing (no frame, no ping) for this long, with close code 1001. */
    public RelayConfig withIdleTimeout(Duration value) {
        return withOptions(options.withIdleTimeout(value));
    }

    /** Binds the admin socket in this directory instead of {@code <data-dir>/admin} (one per node of a cluster). */
    public RelayConfig withAdminDir(Path value) {
        return withOptions(options.withAdminDir(value));
    }

    /** How long a {@code send_accepted} may wait on a connection that asked for lean answers (default 20 ms). */
    public RelayConfig withLeanAnswerDelay(Duration value) {
        return withOptions(options.withLeanAnswerDelay(value));
    }
}
