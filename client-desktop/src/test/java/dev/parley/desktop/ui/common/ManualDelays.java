package dev.parley.desktop.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link Delays} for view-model tests: nothing runs until the test says the time has passed. */
public final class ManualDelays implements Delays {
    private final List<Runnable> waiting = new ArrayList<>();

    @Override
    public Runnable after(Duration delay, Runnable action) {
        waiting.add(action);
        return () -> waiting.remove(action);
    }

    /** How many actions wait for their time. */
    public int waiting() {
        return waiting.size();
    }

    /** Lets the time pass: runs every waiting action. */
    public void elapse() {
        List<Runnable> due = List.copyOf(waiting);
        waiting.clear();
        due.forEach(Runnable::run);
    }
}
