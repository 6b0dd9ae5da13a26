package dev.parley.desktop.ui.main;

import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.ui.common.UserMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the banner above the chat says about the connection: nothing when online, otherwise a short sentence
 * ("Connecting...", "Offline. Reconnecting in 8 s."). Pure; no toolkit.
 */
public final class ConnectionBanner {
    private final Clock clock;
    private final UserMessages messages;

    public ConnectionBanner(Clock clock, UserMessages messages) {
        this.clock = Objects.requireNonNull(clock);
        this.messages = Objects.requireNonNull(messages);
    }

    /** The banner text once this computer was unlinked from its account (issue #17): why it no longer connects. */
    public String unlinked() {
        return messages.get("connection.unlinked");
    }

    /** The banner text for {@code state}; empty when no banner should show. */
    public Optional<String> text(ConnectionState state) {
        switch (state.status()) {
            case ONLINE:
                return Optional.empty();
            case CONNECTING:
            case AUTHENTICATING:
                return Optional.of(messages.get("connection.connecting"));
            case RECONNECTING:
                long seconds = state.nextAttempt()
                        .map(t -> Math.max(0, (Duration.between(clock.instant(), t).toMillis() + 999) / 1000))
                        .orElse(0L);
                return Optional.of(messages.get("connection.reconnecting", seconds));
            case DISCONNECTED:
            default:
                return Optional.of(messages.get("connection.offline"));
        }
    }
}
