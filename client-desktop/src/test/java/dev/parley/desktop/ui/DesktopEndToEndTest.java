package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app end to end, headless: onboarding, add a contact, send; the other client (the CLI's composition
 * root against the same real relay) receives it; the status ticks move to delivered and read; a reply shows up.
 */
@DesktopTest
class DesktopEndToEndTest {
    @TempDir
    Path tmp;

    private UiTestNetwork net;
    private DesktopFixture app;

    @Test
    void onboardingThenAddContactSendReceiveAndTicks() throws Exception {
        ParleyApp bob = net.otherClient("bob");
        List<Message> bobReceived = new CopyOnWriteArrayList<>();
        bob.events().subscribe(MessageReceivedEvent.class, e -> bobReceived.add(e.message()));

        app.start("alice");
        assertThat(app.showing("#createButton")).isTrue();
        app.robot.clickOn("#passphrase").write(UiTestNetwork.PASSPHRASE);
        app.robot.clickOn("#confirmation").write(UiTestNetwork.PASSPHRASE);
        app.robot.clickOn("#remoteChoice");
        app.robot.clickOn("#relayAddress").write(net.relayUri());
        app.screenshot("test-onboarding-filled");
        app.robot.type(KeyCode.ENTER);
        // the optional profile step (#14): a name and a picture, sent to contacts once they accept
        Path picture = TwoColourPicture.write(tmp.resolve("alice.png"), 160, 120, 0xD9689A, 0x5B6EE1);
        AnsweredFileChoosers choosers = new AnsweredFileChoosers();
        choosers.send(picture);
        app.fx(() -> app.shell().useFileChoosers(choosers));
        app.waitUntil(() -> app.showing("#stepName"));
        app.robot.clickOn("#stepName").write("Alice Liddell");
        app.robot.clickOn("#stepAbout").write("down the rabbit hole");
        app.robot.clickOn("#stepChooseAvatar");
        app.waitUntil(() -> app.robot.lookup("#stepAvatar").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        app.screenshot("onboarding-profile");
        app.robot.clickOn("#stepContinue");
        app.waitUntil(() -> app.showing("#conversationList"));
        assertThat(app.sessions.session().people().ownProfile().displayName()).isEqualTo("Alice Liddell");

        app.robot.clickOn("#addContactButton");
        app.waitUntil(() -> app.showing("#addButton"));
        app.robot.clickOn("#username").write("bob");
        app.robot.clickOn("#addButton");
        app.waitUntil(() -> app.showing("#chatTitle") && "bob".equals(app.robot.lookup("#chatTitle").queryAs(Label.class).getText()));

        app.robot.clickOn("#composer").write("hello bob, it is alice");
        app.robot.type(KeyCode.ENTER);

        assertThat(UiTestNetwork.await(() -> !bobReceived.isEmpty(), DesktopFixture.TIMEOUT)).isTrue();
        Message received = bobReceived.get(0);
        assertThat(received.body()).isEqualTo("hello bob, it is alice");
        assertThat(received.conversationId().value()).isEqualTo("alice");

        // alice is a message request for bob until he accepts; then his client confirms delivery: two ticks
        bob.contacts().accept("alice");
        app.waitUntil(() -> tickTexts().contains("\u2713\u2713"));
        assertThat(UiTestNetwork.await(() -> shownByBob(bob).equals("Alice Liddell"), DesktopFixture.TIMEOUT))
                .as("the profile from onboarding reaches a contact").isTrue();
        // bob reads it: the read receipt turns the ticks into "read"
        bob.messaging().markRead("alice", new MessageCursor(received.cursor().sequence()));
        app.waitUntil(() -> app.robot.lookup(".tick.read").tryQuery().isPresent());

        bob.messaging().send("alice", "hi alice, got it");
        app.waitUntil(() -> app.robot.lookup(".bubble-text").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("hi alice, got it")));
        assertThat(app.robot.lookup(".bubble.incoming").queryAll()).hasSize(1);
        assertThat(app.robot.lookup(".bubble.outgoing").queryAll()).hasSize(1);
    }

    private static String shownByBob(ParleyApp bob) {
        try {
            return bob.profiles().of("alice").shown();
        } catch (Exception e) {
            return "";
        }
    }

    private List<String> tickTexts() {
        return app.robot.lookup(".tick").queryAll().stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).toList();
    }
}
