package dev.parley.relay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The relay's safeguards against one client or one account using more than its share: part of {@link RelayConfig}.
 *
 * @param idleTimeout        a WebSocket connection that sends nothing (no frame, no ping) for this long is closed
 *                           with close code 1001 "idle timeout"
 * @param maxOneTimePreKeys  most one-time prekeys of each kind one account may keep on the relay; an upload that would
 *                           go over is refused whole with {@code PREKEY_LIMIT} (counted per kind, so that other kinds of
 *                           one-time prekeys get the same cap)
 * @param metrics            where {@code GET /metrics} is served
 * @param databaseKey        when present, the H2 database is encrypted ({@code CIPHER=AES}) under this key, and an
 *                           unencrypted one left by an older version is encrypted when the relay starts
 * @param attachments        size limit, per-account quota and TTL of attachments
 * @param adminDir           the directory of this node's admin socket; empty: {@code <data-dir>/admin}. Nodes of a
 *                           cluster that share one data directory (one identity volume) each need their own
 * @param leanAnswerDelay    on a connection that asked for lean answers (docs/protocol.md part 2, "Lean answers"), the
 *                           longest a {@code send_accepted} waits for other frames to the same connection to leave with
 *
 * <p>How much one sender may have stored is a rate limit ({@code STORED_BYTES_PER_ACCOUNT}): counting what each
 * sender has stored would need a record of who sent each blob, which the relay does not keep.
 */
public record ServerOptions(Duration idleTimeout, int maxOneTimePreKeys, MetricsAccess metrics,
                            Optional<DatabaseKey> databaseKey, AttachmentLimits attachments,
                            Optional<Path> adminDir, Duration leanAnswerDelay) {
    /** The default {@link #leanAnswerDelay}: short enough to go unnoticed, long enough to gather a busy sender's answers. */
    public static final Duration LEAN_ANSWER_DELAY = Duration.ofMillis(20);

    public ServerOptions {
        Objects.requireNonNull(leanAnswerDelay, "leanAnswerDelay");
        if (leanAnswerDelay.isNegative()) {
            throw new IllegalArgumentException("the lean answer delay must not be negative");
        }
        Objects.requireNonNull(adminDir, "adminDir");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(databaseKey, "databaseKey");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
        if (maxOneTimePreKeys < 1) {
            throw new IllegalArgumentException("the prekey cap must be positive");
        }
    }

    /**
     * 30 s idle timeout, 200 one-time prekeys per account, metrics on the relay's (loopback) port, attachment defaults
     * ({@link AttachmentLimits#defaults()}).
     */
    public static ServerOptions defaults() {
        return new ServerOptions(Duration.ofSeconds(30), 200, new MetricsAccess.MainPort(), Optional.empty(),
                AttachmentLimits.defaults(), Optional.empty(), LEAN_ANSWER_DELAY);
    }

    public ServerOptions withIdleTimeout(Duration value) {
        return new ServerOptions(value, maxOneTimePreKeys, metrics, databaseKey, attachments, adminDir, leanAnswerDelay);
    }

    public ServerOptions withMaxOneTimePreKeys(int value) {
        return new ServerOptions(idleTimeout, value, metrics, databaseKey, attachments, adminDir, leanAnswerDelay);
    }

    public ServerOptions withMetrics(MetricsAccess value) {
        return new ServerOptions(idleTimeout, maxOneTimePreKeys, value, databaseKey, attachments, adminDir, leanAnswerDelay);
    }

    public ServerOptions withDatabaseKey(DatabaseKey value) {
        return new ServerOptions(idleTimeout, maxOneTimePreKeys, metrics, Optional.of(value), attachments, adminDir, leanAnswerDelay);
    }

    public ServerOptions withAttachments(AttachmentLimits value) {
        return new ServerOptions(idleTimeout, maxOneTimePreKeys, metrics, databaseKey, value, adminDir, leanAnswerDelay);
    }

    public ServerOptions withAdminDir(Path value) {
        return new ServerOptions(idleTimeout, maxOneTimePreKeys, metrics, databaseKey, attachments, Optional.of(value), leanAnswerDelay);
    }

    public ServerOptions withLeanAnswerDelay(Duration value) {
        return new ServerOptions(idleTimeout, maxOneTimePreKeys, metrics, databaseKey, attachments, adminDir, value);
    }
}
