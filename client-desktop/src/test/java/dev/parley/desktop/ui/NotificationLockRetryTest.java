package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.testing.MutableClock;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the app does on its own: a notification for a message that arrives while the window is not focused (without
 * the text unless enabled), the auto-lock after the configured idle time (on an injected clock), and "retry" on a
 * message the relay refused.
 */
@DesktopTest
class NotificationLockRetryTest {
    private UiTestNetwork net;
    private ProfileSessions sessions;
    private DesktopFixture app;
    private ParleyApp bob;

    @BeforeEach
    void setUp() throws Exception {
        bob = app.createWithContact("alice", "bob");
        sessions.lock();
    }

    @Test
    void aMessageForAnUnfocusedWindowNotifiesWithoutItsTextUnlessEnabled() throws Exception {
        app.start("alice");
        app.unlock();
        loseFocus();

        bob.messaging().send("alice", "the secret plan is at noon");
        app.waitUntil(() -> toast().isPresent());
        assertThat(toastTexts()).contains("New message from bob").doesNotContain("the secret plan is at noon");
        app.screenshot(toast().orElseThrow().getScene(), "notification");
        closeToast();

        app.fx(() -> app.stage().requestFocus());
        app.waitUntil(() -> app.stage().isFocused());
        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> app.showing("#notificationText"));
        app.robot.clickOn("#notificationText");
        app.waitUntil(() -> app.robot.lookup("#notificationText").queryAs(CheckBox.class).isSelected());
        app.fx(() -> app.shell().openDialogs().get(0).close());
        loseFocus();

        bob.messaging().send("alice", "bring the map");
        app.waitUntil(() -> toast().isPresent() && toastTexts().contains("bring the map"));

        // with the window focused, no notification
        closeToast();
        app.fx(() -> app.stage().requestFocus());
        app.waitUntil(() -> app.stage().isFocused());
        bob.messaging().send("alice", "seen it?");
        app.waitUntil(() -> app.robot.lookup(".conversation-preview").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("seen it?")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toast()).isEmpty();
    }

    @Test
    void theAppLocksItselfAfterTheIdleTimeOnlyWithoutInput() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        app.start("alice", clock, Duration.ofMillis(50));
        app.unlock();

        clock.advance(Duration.ofMinutes(14));
        app.robot.moveTo("#composer").moveBy(5, 5);
        clock.advance(Duration.ofMinutes(14));
        idleChecks();
        assertThat(app.showing("#conversationList")).as("input at minute 14 restarted the 15 minutes").isTrue();

        clock.advance(Duration.ofMinutes(2));
        app.waitUntil(() -> app.showing("#unlockButton"));
        assertThat(app.showing("#conversationList")).isFalse();
    }

    @Test
    void retryOnAMessageTheRelayRefusedSendsItAgain() throws Exception {
        List<Message> bobGot = new CopyOnWriteArrayList<>();
        bob.events().subscribe(MessageReceivedEvent.class, e -> bobGot.add(e.message()));
        net.forgetAccountOnRelay("bob");
        app.start("alice");
        app.unlock();
        app.robot.clickOn("bob");
        app.waitUntil(() -> app.showing("#composer"));
        app.waitUntil(() -> app.robot.lookup("#statusDot").queryAs(javafx.scene.shape.Circle.class)
                .getStyleClass().contains("online"));

        app.robot.clickOn("#composer").write("are you still there?");
        app.robot.type(javafx.scene.input.KeyCode.ENTER);
        app.waitUntil(() -> app.showing(".retry-link"));
        assertThat(app.robot.lookup(".bubble.failed").queryAll()).hasSize(1);
        app.screenshot("main-failed");

        bob.account().register(Optional.empty());
        app.robot.clickOn(".retry-link");
        assertThat(UiTestNetwork.await(() -> bobGot.stream().anyMatch(m -> m.body().equals("are you still there?")),
                DesktopFixture.TIMEOUT)).isTrue();
        app.waitUntil(() -> app.robot.lookup(".bubble.outgoing").queryAll().size() == 2
                && app.robot.lookup(".tick").queryAllAs(Label.class).stream()
                        .anyMatch(t -> t.isVisible() && t.getText().startsWith("\u2713")));
        assertThat(app.robot.lookup(".bubble.failed").queryAll()).as("the failed one stays as it was").hasSize(1);
    }

    /**
     * The user switches to another application: the window loses the focus. Monocle's window manager only notifies
     * the window that gains the focus, never the one that loses it, so the test delivers the FOCUS_LOST event a
     * desktop platform would send, through glass (the same path as a real focus change).
     */
    private void loseFocus() throws Exception {
        app.fx(() -> {
            try {
                app.stage().requestFocus();
                Class<?> manager = Class.forName("com.sun.glass.ui.monocle.MonocleWindowManager");
                java.lang.reflect.Method getInstance = manager.getDeclaredMethod("getInstance");
                getInstance.setAccessible(true);
                java.lang.reflect.Method focused = manager.getDeclaredMethod("getFocusedWindow");
                focused.setAccessible(true);
                Object window = focused.invoke(getInstance.invoke(null));
                java.lang.reflect.Method notifyFocus = Class.forName("com.sun.glass.ui.Window")
                        .getDeclaredMethod("notifyFocus", int.class);
                notifyFocus.setAccessible(true);
                notifyFocus.invoke(window, Class.forName("com.sun.glass.events.WindowEvent")
                        .getField("FOCUS_LOST").getInt(null));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot deliver a focus change to the window", e);
            }
        });
        app.waitUntil(() -> !app.stage().isFocused()
                && !app.shell().mainViewModel().orElseThrow().windowFocusedProperty().get());
    }

    private Optional<Stage> toast() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing())
                .map(w -> (Stage) w).filter(s -> "New message from bob".equals(s.getTitle())).findFirst();
    }

    private List<String> toastTexts() {
        return toast().map(s -> s.getScene().getRoot().lookupAll(".label").stream().map(n -> ((Label) n).getText())
                .toList()).orElse(List.of());
    }

    private void closeToast() throws Exception {
        Optional<Stage> t = toast();
        if (t.isPresent()) {
            app.fx(() -> t.get().close());
        }
    }

    /** Lets a few idle checks (every 50 ms) run on the FX thread. */
    private static void idleChecks() throws Exception {
        for (int i = 0; i < 6; i++) {
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
