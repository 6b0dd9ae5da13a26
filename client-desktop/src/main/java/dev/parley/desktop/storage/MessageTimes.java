package dev.parley.desktop.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a message reached each delivery step, as this device learned it ("Message info", issue #12 item 6).
 *
 * @param relayAcceptedAt our message: when the relay confirmed it stored it; null if not (yet) known
 * @param deliveredAt     our message: when its delivery receipt arrived; null if not (yet) known
 * @param readAt          our message: when its read receipt arrived; an incoming message: when we read it
 */
public record MessageTimes(Instant relayAcceptedAt, Instant deliveredAt, Instant readAt) {
    public static final MessageTimes NONE = new MessageTimes(null, null, null);

    public MessageTimes {
        relayAcceptedAt = millis(relayAcceptedAt);
        deliveredAt = millis(deliveredAt);
        readAt = millis(readAt);
    }

    public Optional<Instant> relayAccepted() {
        return Optional.ofNullable(relayAcceptedAt);
    }

    public Optional<Instant> delivered() {
        return Optional.ofNullable(deliveredAt);
    }

    public Optional<Instant> read() {
        return Optional.ofNullable(readAt);
    }

    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
