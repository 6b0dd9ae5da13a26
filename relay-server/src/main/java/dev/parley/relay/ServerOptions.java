package dev.parley.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * The relay's safeguards against one client or one account using more than its share: part of {@link RelayConfig}.
 *
 * @param idleTimeout        a WebSocket connection that sends nothing (no frame, no ping) for this long is closed
 *                           with close code 1001 "idle timeout"
 * @param maxOneTimePreKeys  most one-time prekeys of each kind one account may keep on the relay; an upload that would
 *                           go over is refused whole with {@code PREKEY_LIMIT}
 * @param maxStoredPerSender most blobs one authenticated sender may have stored and unacknowledged on the relay, over
 *                           all its recipients; further sends are refused with {@code QUEUE_FULL}
 */
public record ServerOptions(Duration idleTimeout, int maxOneTimePreKeys, int maxStoredPerSender) {
    public ServerOptions {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
        if (maxOneTimePreKeys < 1 || maxStoredPerSender < 1) {
            throw new IllegalArgumentException("the prekey cap and the sender quota must be positive");
        }
    }

    /** 30 s idle timeout, 200 one-time prekeys per account, 50,000 stored blobs per sender. */
    public static ServerOptions defaults() {
        return new ServerOptions(Duration.ofSeconds(30), 200, 50_000);
    }

    public ServerOptions withIdleTimeout(Duration value) {
        return new ServerOptions(value, maxOneTimePreKeys, maxStoredPerSender);
    }

    public ServerOptions withMaxOneTimePreKeys(int value) {
        return new ServerOptions(idleTimeout, value, maxStoredPerSender);
    }

    public ServerOptions withMaxStoredPerSender(int value) {
        return new ServerOptions(idleTimeout, maxOneTimePreKeys, value);
    }
}
