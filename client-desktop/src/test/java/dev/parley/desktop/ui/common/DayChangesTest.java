package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The day-change watch on a clock the test sets: it waits until the next local midnight (at most the longest wait),
 * announces the new date once, and goes on to the midnight after; the labels made from the same clock change with it.
 */
class DayChangesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final MutableClock clock = new MutableClock(Instant.EPOCH, BERLIN);
    private final ManualDelays delays = new ManualDelays();
    private final DayChanges days = new DayChanges(clock, delays, Duration.ofMinutes(15));
    private final List<String> announced = new ArrayList<>();
    private final TimeLabels labels = new TimeLabels(clock, Locale.UK);

    @Test
    void announcesEachMidnightOnceAndRelabelsWithTheSameClock() {
        set("2026-03-04T23:59:30");
        Instant earlier = clock.instant().minus(Duration.ofHours(2));
        days.onNewDay(() -> announced.add(labels.listStamp(earlier) + " / " + labels.dayDivider(
                earlier.atZone(BERLIN).toLocalDate())));
        days.start();
        assertThat(delays.lastDelay()).as("waits until midnight").isEqualTo(Duration.ofSeconds(30));
        assertThat(labels.listStamp(earlier)).isEqualTo("21:59");

        set("2026-03-04T23:59:59.990"); // a timer that ends a little early: no change yet, a short wait again
        delays.elapse();
        assertThat(announced).isEmpty();
        assertThat(delays.lastDelay()).isEqualTo(Duration.ofMillis(10));

        set("2026-03-05T00:00:00.002");
        delays.elapse();
        assertThat(announced).containsExactly("Yesterday / Yesterday");
        assertThat(delays.lastDelay()).as("then at most the longest wait").isEqualTo(Duration.ofMinutes(15));

        set("2026-03-05T00:15:00");
        delays.elapse();
        assertThat(announced).as("the same day is announced once").hasSize(1);

        set("2026-03-06T00:00:01"); // the next midnight, and again the one after
        delays.elapse();
        set("2026-03-07T08:00:00");
        delays.elapse();
        assertThat(announced).containsExactly("Yesterday / Yesterday", "Wed / Wednesday", "Wed / Wednesday");
        assertThat(delays.waiting()).isEqualTo(1);
    }

    @Test
    void aDaylightSavingNightIsWaitedOutInRealTime() {
        // Europe/Berlin, 29 March 2026: 02:00 becomes 03:00, so 22:30 to midnight is 1 h 30 min
        DayChanges longWait = new DayChanges(clock, delays, Duration.ofDays(2));
        set("2026-03-28T22:30:00");
        longWait.start();
        assertThat(delays.lastDelay()).isEqualTo(Duration.ofMinutes(90));
        set("2026-03-29T20:00:00");
        delays.elapse();
        assertThat(delays.lastDelay()).as("this day has 23 hours; 4 of them are left").isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aSleepOverMidnightIsSeenAtTheNextCheck() {
        set("2026-03-04T10:00:00");
        days.onNewDay(() -> announced.add("new day"));
        days.start();
        assertThat(delays.lastDelay()).isEqualTo(Duration.ofMinutes(15));
        set("2026-03-05T07:00:00"); // the computer slept; the timer counted only the time it ran
        delays.elapse();
        assertThat(announced).containsExactly("new day");
    }

    @Test
    void stoppedItAnnouncesNothingAndWaitsForNothing() {
        set("2026-03-04T23:59:00");
        days.onNewDay(() -> announced.add("new day"));
        days.start();
        days.stop();
        assertThat(delays.waiting()).isZero();
        set("2026-03-05T00:01:00");
        delays.elapse();
        assertThat(announced).isEmpty();
        assertThatThrownBy(() -> new DayChanges(clock, delays, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Sets the clock to a local date and time of Berlin. */
    private void set(String localDateTime) {
        clock.set(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
    }
}
