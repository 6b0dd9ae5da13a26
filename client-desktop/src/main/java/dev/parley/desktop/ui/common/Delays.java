package dev.parley.desktop.ui.common;

import java.time.Duration;

/**
 * Runs something on the UI thread after a delay (a debounce, for instance). Injected, so view-model tests decide
 * when the time has passed instead of waiting for it.
 */
@FunctionalInterface
public interface Delays {
    /**
     * Runs {@code action} on the UI thread after {@code delay}. Must be called on the UI thread.
     *
     * @return cancels the action if it has not run yet
     */
    Runnable after(Duration delay, Runnable action);

    /** JavaFX timers (a {@link javafx.animation.PauseTransition}). */
    static Delays fx() {
        return (delay, action) -> {
            javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(delay.toMillis()));
            pause.setOnFinished(e -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
