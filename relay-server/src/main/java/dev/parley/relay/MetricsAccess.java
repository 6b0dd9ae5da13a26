package dev.parley.relay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Where {@code GET /metrics} is served. The command-line relay uses {@link Listener} on 127.0.0.1:9464 by default;
 * {@link RelayConfig#defaults()} (in-process relays, bound to loopback themselves) uses {@link MainPort}.
 */
public sealed interface MetricsAccess {
    /** On the relay's own port, to anyone who can reach it: only sensible when the relay listens on loopback. */
    record MainPort() implements MetricsAccess {
    }

    /** On a separate plain-HTTP listener (loopback unless told otherwise); the relay's port answers 404. */
    record Listener(String host, int port) implements MetricsAccess {
        public Listener {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("metrics port must be 0..65535");
            }
        }
    }

    /** On the relay's own port, only to requests with {@code Authorization: Bearer <token>}; others get 404. */
    record Token(String token) implements MetricsAccess {
        public Token {
            Objects.requireNonNull(token, "token");
            if (token.length() < 16) {
                throw new IllegalArgumentException("the metrics token must be at least 16 characters");
            }
        }

        /** Compares in constant time. */
        public boolean accepts(String authorization) {
            byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
            byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, given);
        }

        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }
}
