package dev.parley.desktop.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The system clock in a zone of the test's choice, moved by an offset the test changes (time keeps running). */
final class MovableClock extends Clock {
    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    MovableClock(ZoneId zone) {
        this.zone = zone;
    }

    void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock so that it reads {@code at} now (and runs on from there). */
    void moveTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        throw new UnsupportedOperationException("one zone");
    }
}
