package dev.parley.desktop.net;

import java.time.Duration;

/** How long to wait before reconnect attempt number {@code attempt} (1 for the first retry). */
public interface ReconnectPolicy {
    Duration delayBeforeAttempt(int attempt);
}
