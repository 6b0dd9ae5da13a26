package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.ui.common.BundledFonts;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.unlock.NewProfile;
import dev.parley.desktop.ui.unlock.RelayChoice;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #18 item 9: the bundled fonts load and a message in Latin, Cyrillic, Arabic (right to left), Hebrew, Chinese,
 * Japanese, Korean and emoji shows in a bubble. Whether each glyph is drawn (no empty boxes) is judged by looking at
 * the screenshot {@code target/screenshots/multilingual.png} (copied to docs/images/multilingual.png).
 */
@Tag("ui")
class MultilingualTextTest {
    static final String TEXT = "Hello, Привет, مرحبا بالعالم, שלום, 你好世界, こんにちは, 안녕하세요 😀🎉❤👍🌍";

    @TempDir
    Path tmp;

    private UiTestNetwork net;
    private ProfileSessions sessions;
    private DesktopFixture app;

    @BeforeEach
    void setUp() throws Exception {
        net = new UiTestNetwork(tmp);
        sessions = net.desktopSessions();
        app = new DesktopFixture(sessions);
        ParleyApp bob = net.otherClient("bob");
        sessions.create("alice", new NewProfile("alice", UiTestNetwork.PASSPHRASE.toCharArray(), RelayChoice.REMOTE,
                Optional.of(new RelayAddress(net.relay.uri(), Optional.empty())), Optional.empty()));
        UiServices alice = sessions.session().services();
        alice.addContact("bob");
        bob.contacts().add("alice");
        bob.messaging().send("alice", TEXT);
        assertThat(UiTestNetwork.await(() -> hasMessage(alice), DesktopFixture.TIMEOUT))
                .isTrue();
        sessions.lock();
    }

    private static boolean hasMessage(UiServices alice) {
        try {
            return !alice.history("bob", 1, java.util.OptionalLong.empty()).newestFirst().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        net.close();
    }

    @Test
    void everyScriptAndEmojiShowsWithTheBundledFonts() throws Exception {
        app.start("alice");
        assertThat(BundledFonts.load().get(60, TimeUnit.SECONDS)).as("fallback faces loaded").isGreaterThanOrEqualTo(4);
        assertThat(Font.getFamilies()).contains("Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew",
                "WenQuanYi Micro Hei", "Symbola");
        app.unlock();
        app.robot.clickOn(".conversation-cell");
        app.waitUntil(() -> app.robot.lookup(".bubble-text").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(TEXT) && l.getScene() != null));
        Label bubble = app.robot.lookup(".bubble-text").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals(TEXT)).findFirst().orElseThrow();
        assertThat(bubble.getFont().getFamily()).isEqualTo("Noto Sans");
        app.robot.clickOn("#composer").write("Ответ: 谢谢 🙂");
        app.robot.type(javafx.scene.input.KeyCode.ENTER);
        app.waitUntil(() -> app.robot.lookup(".bubble.outgoing").queryAll().stream().anyMatch(Node::isVisible));
        app.screenshot("multilingual");
    }
}
