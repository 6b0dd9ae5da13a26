package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.event.PickupProgressEvent;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.ui.common.Theme;
import dev.parley.desktop.ui.common.UiServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every main screen of the real app (real relay, real profiles, real messages) to PNGs under
 * {@code target/screenshots} with the app's own scene snapshot, so a reviewer can look at them. On the way it checks
 * what a user sees: a wrong passphrase is refused with a message and a cleared field, an unknown contact is refused,
 * the typing indicator shows, and "mark as verified" turns the chat header to "Verified".
 */
@DesktopTest
class ScreenshotsTest {
    private UiTestNetwork net;
    private ProfileSessions sessions;
    private DesktopFixture app;

    @Test
    void everyMainScreen() throws Exception {
        ParleyApp bob = net.otherClient("bob");
        ParleyApp carol = net.otherClient("carol", Clock.offset(Clock.systemUTC(), Duration.ofHours(-26)));
        net.createProfile(sessions, "alice");
        UiServices alice = sessions.session().services();
        alice.addContact("bob");
        alice.addContact("carol");
        List<Message> bobGot = new CopyOnWriteArrayList<>();
        bob.events().subscribe(MessageReceivedEvent.class, e -> bobGot.add(e.message()));

        carol.contacts().add("alice");
        bob.contacts().add("alice");
        carol.messaging().send("alice", "Are we still on for the climbing session on Saturday?");
        bob.messaging().send("alice", "Hey! Did the new relay come up after the move?");
        bob.messaging().send("alice", "Mine says online since this morning.");
        alice.send("bob", "Yes, it runs on my laptop now. Only ciphertext ever touches it.");
        assertThat(UiTestNetwork.await(() -> !bobGot.isEmpty(), DesktopFixture.TIMEOUT))
                .as(() -> "bob did not receive alice's message; " + UiTestNetwork.report(alice, "bob", bob, "alice"))
                .isTrue();
        // only her message: both sides started their session at once, which is no restart (flake13)
        assertThat(bobGot).extracting(Message::body)
                .containsExactly("Yes, it runs on my laptop now. Only ciphertext ever touches it.");
        bob.messaging().markRead("alice", new MessageCursor(bobGot.get(0).cursor().sequence()));
        bob.messaging().send("alice", "Perfect. Then let's compare safety numbers tonight,\nand I'll mark you as verified.");
        sessions.lock();

        app.start("alice");
        app.robot.clickOn("#passphrase").write("definitely wrong");
        app.robot.type(KeyCode.ENTER);
        app.waitUntil(() -> app.showing("#error"));
        assertThat(app.robot.lookup("#error").queryAs(Label.class).getText()).isEqualTo("Wrong passphrase. Try again.");
        assertThat(app.robot.lookup("#passphrase").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(app.showing("#conversationList")).isFalse();
        app.screenshot("unlock-wrong-passphrase");

        app.robot.clickOn("#passphrase").write(UiTestNetwork.PASSPHRASE);
        app.robot.type(KeyCode.ENTER);
        app.waitUntil(() -> app.robot.lookup(".conversation-cell").queryAll().size() == 2);
        app.screenshot("main-no-conversation");

        app.robot.clickOn("bob");
        app.waitUntil(() -> app.robot.lookup(".bubble").queryAll().size() >= 4);
        bob.messaging().setTyping("alice", true);
        app.waitUntil(() -> app.robot.lookup(".chat-subtitle.typing").tryQuery().isPresent());
        app.robot.clickOn("#composer").write("Sounds good, 9pm?");
        app.screenshot("main-chat");

        app.sessions.session().bus().publish(new PickupProgressEvent(1200, false));
        app.waitUntil(() -> app.showing(".receiving-indicator"));
        assertThat(app.robot.lookup(".banner.connection .label").queryAs(Label.class).getText())
                .isEqualTo("Receiving messages... 1,200");
        app.screenshot("main-receiving");
        app.sessions.session().bus().publish(new PickupProgressEvent(1342, true));
        app.waitUntil(() -> !app.showing(".banner.connection"));

        WaitForAsyncUtils.asyncFx(() -> app.shell().applyTheme(Theme.DARK)).get();
        app.screenshot("main-chat-dark");
        WaitForAsyncUtils.asyncFx(() -> app.shell().applyTheme(Theme.LIGHT)).get();

        bob.messaging().setTyping("alice", false);
        app.waitUntil(() -> app.robot.lookup(".chat-subtitle.typing").tryQuery().isEmpty());
        app.robot.clickOn("#safetyButton");
        app.waitUntil(() -> app.robot.lookup(".safety-digits .label").queryAll().size() == 12
                && app.robot.lookup("#qr").queryAs(ImageView.class).getImage() != null);
        app.screenshot(dialog().getScene(), "safety-number");
        app.waitUntil(() -> app.showing("#verifyButton"));
        app.robot.clickOn("#verifyButton");
        app.waitUntil(() -> app.showing("#verifiedLabel"));
        closeDialog();
        app.waitUntil(() -> "Verified".equals(app.robot.lookup(".chat-subtitle").queryAs(Label.class).getText()));

        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> !app.robot.lookup("#relay").queryTextInputControl().getText().isEmpty());
        app.screenshot(dialog().getScene(), "settings");
        closeDialog();

        app.robot.clickOn("#addContactButton");
        app.waitUntil(() -> app.showing("#addButton"));
        app.robot.clickOn("#username").write("dave");
        app.robot.clickOn("#addButton");
        app.waitUntil(() -> app.showing("#error"));
        app.screenshot(dialog().getScene(), "add-contact-unknown-user");
        closeDialog();

        app.robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        app.waitUntil(() -> app.showing("#searchField"));
        app.robot.write("relay").type(KeyCode.ENTER);
        app.waitUntil(() -> app.robot.lookup(".search-result-contact").queryAll().size() >= 1);
        app.screenshot("search");
        app.robot.clickOn("Close");

        app.robot.clickOn("#lockButton");
        app.waitUntil(() -> app.showing("#unlockButton"));
        WaitForAsyncUtils.asyncFx(() -> app.shell().showOnboarding("")).get();
        app.waitUntil(() -> app.showing("#createButton"));
        app.robot.clickOn("#username").write("dave");
        app.robot.clickOn("#passphrase").write("tulip river 42 moon");
        app.robot.clickOn("#confirmation").write("tulip river 42 moon");
        app.screenshot("onboarding");

        Path dir = Path.of(System.getProperty("parley.screenshotDir", "target/screenshots"));
        for (String name : List.of("unlock-wrong-passphrase", "main-no-conversation", "main-chat", "main-receiving",
                "main-chat-dark",
                "safety-number", "settings", "add-contact-unknown-user", "onboarding")) {
            assertThat(Files.size(dir.resolve(name + ".png"))).isGreaterThan(10_000);
        }
    }

    private Stage dialog() {
        return app.shell().openDialogs().get(0);
    }

    private void closeDialog() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dialog().close()).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
