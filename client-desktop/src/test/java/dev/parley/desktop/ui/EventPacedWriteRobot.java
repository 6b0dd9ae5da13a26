package dev.parley.desktop.ui;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.robot.BaseRobot;
import org.testfx.robot.WriteRobot;
import org.testfx.service.finder.WindowFinder;
import org.testfx.util.WaitForAsyncUtils;

/**
 * TestFX's {@link WriteRobot} without its fixed pauses: the same key events (press, typed, release per character, into
 * the focused window's scene, as {@code WriteRobotImpl} sends them), but after each character it waits only until the
 * FX thread has handled everything queued so far, instead of TestFX's 25 ms sleep plus its five 10 ms settle rounds
 * (about 85 ms a character, 2.4 s for the test passphrase). The text still arrives key by key through the controls'
 * own handlers; once the whole text is typed the FX events settle as after TestFX's write.
 */
final class EventPacedWriteRobot implements WriteRobot {
    private static final long FX_ROUND_TRIP_SECONDS = 30;

    private final BaseRobot baseRobot;
    private final WindowFinder windowFinder;

    EventPacedWriteRobot(BaseRobot baseRobot, WindowFinder windowFinder) {
        this.baseRobot = baseRobot;
        this.windowFinder = windowFinder;
    }

    @Override
    public void write(char character) {
        type(targetScene(), character);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void write(String text) {
        Scene scene = targetScene();
        for (char character : text.toCharArray()) {
            type(scene, character);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A caller that asks for a pause after each character gets it (TestFX's own behaviour). */
    @Override
    public void write(String text, int sleepMillis) {
        Scene scene = targetScene();
        for (char character : text.toCharArray()) {
            type(scene, character);
            WaitForAsyncUtils.sleep(sleepMillis, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(Scene scene, char character) {
        KeyCode key = character == '\n' ? KeyCode.ENTER : character == '\t' ? KeyCode.TAB : KeyCode.UNDEFINED;
        baseRobot.typeKeyboard(scene, key, Character.toString(character));
        awaitFxRoundTrip();
    }

    /** Returns once the FX thread ran everything queued before this call (the key events just sent included). */
    private static void awaitFxRoundTrip() {
        try {
            WaitForAsyncUtils.asyncFx(() -> { }).get(FX_ROUND_TRIP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while typing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the FX thread did not handle a typed key", e);
        }
    }

    /** The window TestFX's writer types into: the focused one, else its target window, else the first. */
    private Scene targetScene() {
        Window target = windowFinder.window(Window::isFocused);
        if (target == null) {
            target = windowFinder.targetWindow();
        }
        if (target == null) {
            target = windowFinder.window(0);
        }
        return target.getScene();
    }
}
