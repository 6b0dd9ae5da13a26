package dev.parley.desktop.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells the screens when the local date of a clock changes, so that relative labels ("Today", "Yesterday", a
 * weekday) are drawn again while the app stays open: at the next local midnight of the clock's zone, and again at
 * every one after it.
 *
 * <p>It waits on {@link Delays} for the time left until midnight, but never longer than {@code longestWait}: a timer
 * counts running time, so after the computer slept through midnight (or the clock was set) the change is seen at
 * the next check instead of hours late. Each check compares the date with the one last announced; only a different
 * date calls the listeners. Call everything on the UI thread.
 */
public final class DayChanges {
    private final Clock clock;
    private final Delays delays;
    private final Duration longestWait;
    private final List<Runnable> listeners = new ArrayList<>();
    private LocalDate announced;
    private Runnable cancel;

    /**
     * @param clock       the clock the labels are made from (its zone decides where midnight is)
     * @param delays      the timer ({@link Delays#fx()} in the app)
     * @param longestWait the longest time between two looks at the date
     */
    public DayChanges(Clock clock, Delays delays, Duration longestWait) {
        this.clock = Objects.requireNonNull(clock);
        this.delays = Objects.requireNonNull(delays);
        if (longestWait.isNegative() || longestWait.isZero()) {
            throw new IllegalArgumentException("the longest wait must be positive");
        }
        this.longestWait = longestWait;
    }

    /** Runs {@code listener} at every change of the date from now on. */
    public void onNewDay(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Starts watching from today's date; a second call changes nothing. */
    public void start() {
        if (cancel == null) {
            announced = LocalDate.now(clock);
            schedule();
        }
    }

    /** Stops watching: no listener runs after this. */
    public void stop() {
        if (cancel != null) {
            cancel.run();
            cancel = null;
        }
    }

    /** How long the next wait is: until the next local midnight, at most the longest wait. */
    Duration nextWait() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        // atStartOfDay: where a zone skips midnight (a daylight saving change at 00:00) the day starts at 01:00
        ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone());
        Duration left = Duration.between(now, midnight);
        return left.compareTo(longestWait) < 0 ? left : longestWait;
    }

    private void schedule() {
        cancel = delays.after(nextWait(), this::check);
    }

    private void check() {
        if (cancel == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(announced)) {
            announced = today;
            List.copyOf(listeners).forEach(Runnable::run);
        }
        if (cancel != null) { // a listener may have stopped it
            schedule();
        }
    }
}
