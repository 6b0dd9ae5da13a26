package dev.parley.desktop.ui.common;

import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Scene;

/** Work timed by JavaFX's pulses (the passes that lay out and draw the scenes). Call on the FX thread. */
public final class Pulses {
    private Pulses() {
    }

    /**
     * Runs {@code action} on the FX thread right after the next pulse has laid out {@code scene} and handed it to the
     * renderer: what the scene shows now reaches the screen before {@code action} changes it.
     */
    public static void afterNextLayout(Scene scene, Runnable action) {
        Objects.requireNonNull(action);
        Runnable listener = new Runnable() {
            private boolean fired;

            @Override
            public void run() {
                if (fired) {
                    return;
                }
                fired = true;
                // not removed while the scene walks its listeners
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(this);
                    action.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener);
        Platform.requestNextPulse();
    }
}
