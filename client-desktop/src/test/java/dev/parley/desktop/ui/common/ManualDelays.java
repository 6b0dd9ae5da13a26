package dev.parley.desktop.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link Delays} for view-model tests: nothing runs until the test says the time has passed. */
public final class ManualDelays implements Delays {
    private final List<Runnable> waiting = new ArrayList<>();
    private final List<Duration> asked = new ArrayList<>();

    @Override
    public Runnable after(Duration delay, Runnable action) {
        asked.add(delay);
        waiting.add(action);
        return () -> waiting.remove(action);
    }

    /** How many actions wait for their time. */
    public int waiting() {
        return waiting.size();
    }

    /** The delay of the latest action asked for. */
    public Duration lastDelay() {
        return asked.get(asked.size() - 1);
    }

    /** Lets the time pass: runs every waiting action. */
    public void elapse() {
        List<Runnable> due = List.copyOf(waiting);
        waiting.clear();
        due.forEach(Runnable::run);
    }
}
