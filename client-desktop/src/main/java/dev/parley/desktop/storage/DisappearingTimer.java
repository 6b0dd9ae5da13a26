package dev.parley.desktop.storage;

import java.time.Duration;
import java.util.Optional;

/** The disappearing-messages timers a conversation can have; the only values accepted from the wire. */
public enum DisappearingTimer {
    OFF(0, "off", "off"),
    SECONDS_30(30, "30s", "30 seconds"),
    MINUTES_5(300, "5m", "5 minutes"),
    HOUR_1(3_600, "1h", "1 hour"),
    HOURS_8(28_800, "8h", "8 hours"),
    DAY_1(86_400, "1d", "1 day"),
    WEEK_1(604_800, "1w", "1 week"),
    WEEKS_4(2_419_200, "4w", "4 weeks");

    private final long seconds;
    private final String shortName;
    private final String label;

    DisappearingTimer(long seconds, String shortName, String label) {
        this.seconds = seconds;
        this.shortName = shortName;
        this.label = label;
    }

    public long seconds() {
        return seconds;
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** As the CLI takes it: off, 30s, 5m, 1h, 8h, 1d, 1w, 4w. */
    public String shortName() {
        return shortName;
    }

    /** As a person reads it: "off", "30 seconds", "1 hour"... */
    public String label() {
        return label;
    }

    /** The system line for this timer change: "alice set disappearing messages to 1 hour" or "... turned off ...". */
    public String systemLine(String who) {
        return this == OFF ? who + " turned off disappearing messages" : who + " set disappearing messages to " + label;
    }

    /**
     * The system line for this user's own timer change: "You set disappearing messages to 1 hour" or "You turned off
     * disappearing messages" (the other side gets {@link #systemLine} with this user's name).
     */
    public String ownSystemLine() {
        return systemLine("You");
    }

    /** The timer of exactly this many seconds; empty for any other value (out of range, from a hostile sender). */
    public static Optional<DisappearingTimer> ofSeconds(long seconds) {
        for (DisappearingTimer timer : values()) {
            if (timer.seconds == seconds) {
                return Optional.of(timer);
            }
        }
        return Optional.empty();
    }

    /** The timer with this short name (off, 30s, 5m, 1h, 8h, 1d, 1w, 4w); empty for anything else. */
    public static Optional<DisappearingTimer> parse(String text) {
        for (DisappearingTimer timer : values()) {
            if (timer.shortName.equals(text)) {
                return Optional.of(timer);
            }
        }
        return Optional.empty();
    }
}
