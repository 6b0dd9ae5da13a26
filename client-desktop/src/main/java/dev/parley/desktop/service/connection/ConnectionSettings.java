package dev.parley.desktop.service.connection;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the relay connection.
 *
 * @param heartbeat        interval between WebSocket pings while online
 * @param pongTimeout      a link that answered no ping for this long is closed and reconnected
 * @param onlineWait       how long a request from another service waits for the connection to come online
 * @param preKeyLowWater   below this many one-time prekeys on the relay, the stock is replenished
 * @param presencePacing   how presence announcements to many contacts are spread over time (issue #14)
 */
public record ConnectionSettings(Duration heartbeat, Duration pongTimeout, Duration onlineWait, int preKeyLowWater,
                                 dev.parley.desktop.service.presence.PresencePacing presencePacing) {
    public static final ConnectionSettings DEFAULTS =
            new ConnectionSettings(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(15), 20);

    public ConnectionSettings {
        Objects.requireNonNull(heartbeat);
        Objects.requireNonNull(pongTimeout);
        Objects.requireNonNull(onlineWait);
        Objects.requireNonNull(presencePacing);
    }

    /** With the default presence pacing. */
    public ConnectionSettings(Duration heartbeat, Duration pongTimeout, Duration onlineWait, int preKeyLowWater) {
        this(heartbeat, pongTimeout, onlineWait, preKeyLowWater,
                dev.parley.desktop.service.presence.PresencePacing.DEFAULTS);
    }

    /** A copy with this presence pacing. */
    public ConnectionSettings withPresencePacing(dev.parley.desktop.service.presence.PresencePacing value) {
        return new ConnectionSettings(heartbeat, pongTimeout, onlineWait, preKeyLowWater, value);
    }
}
