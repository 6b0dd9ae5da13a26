package dev.parley.desktop.net;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the connection.
 *
 * @param status      the status
 * @param attempt     consecutive failed attempts so far (0 once online or before the first attempt)
 * @param nextAttempt when the next attempt starts; present exactly when the status is {@link ConnectionStatus#RECONNECTING}
 * @param lastError   a short human-readable reason for the last failure, free of secrets; empty if none
 */
public record ConnectionState(ConnectionStatus status, int attempt, Optional<Instant> nextAttempt, Optional<String> lastError) {

    public static final ConnectionState DISCONNECTED =
            new ConnectionState(ConnectionStatus.DISCONNECTED, 0, Optional.empty(), Optional.empty());

    public ConnectionState {
        Objects.requireNonNull(status);
        Objects.requireNonNull(nextAttempt);
        Objects.requireNonNull(lastError);
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0");
        }
        if (nextAttempt.isPresent() != (status == ConnectionStatus.RECONNECTING)) {
            throw new IllegalArgumentException("nextAttempt is present exactly when RECONNECTING");
        }
    }

    public static ConnectionState of(ConnectionStatus status) {
        return new ConnectionState(status, 0, Optional.empty(), Optional.empty());
    }

    public static ConnectionState reconnecting(int attempt, Instant nextAttempt, String reason) {
        return new ConnectionState(ConnectionStatus.RECONNECTING, attempt, Optional.of(nextAttempt), Optional.ofNullable(reason));
    }
}
