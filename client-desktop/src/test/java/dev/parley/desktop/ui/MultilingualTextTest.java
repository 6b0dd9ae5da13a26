package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.ui.common.BundledFonts;
import dev.parley.desktop.ui.common.UiServices;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #18 item 9: the bundled fonts load and a message in Latin, Cyrillic, Arabic (right to left), Hebrew, Chinese,
 * Japanese, Korean and emoji shows in a bubble. Whether each glyph is drawn (no empty boxes) is judged by looking at
 * the screenshot {@code target/screenshots/multilingual.png} (copied to docs/images/multilingual.png).
 */
@DesktopTest
class MultilingualTextTest {
    static final String TEXT = "Hello, Привет, مرحبا بالعالم, שלום, 你好世界, こんにちは, 안녕하세요 😀🎉❤👍🌍";

    private ProfileSessions sessions;
    private DesktopFixture app;

    @BeforeEach
    void setUp() throws Exception {
        ParleyApp bob = app.createWithContact("alice", "bob");
        UiServices alice = sessions.session().services();
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

    @Test
    void everyScriptAndEmojiShowsWithTheBundledFonts() throws Exception {
        app.start("alice");
        assertThat(BundledFonts.load().get(60, TimeUnit.SECONDS)).as("fallback faces loaded").isGreaterThanOrEqualTo(4);
        assertThat(Font.getFamilies()).contains("Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew",
                "WenQuanYi Micro Hei", "Symbola");
        app.unlock();
        app.robot.clickOn(".conversation-cell");
        app.waitUntil(() -> bubbleWith(TEXT).isPresent());
        TextFlow bubble = bubbleWith(TEXT).orElseThrow();
        assertThat(bubble.getChildren()).filteredOn(n -> n instanceof Text)
                .allMatch(n -> ((Text) n).getFont().getFamily().equals("Noto Sans"));
        assertThat(bubble.getChildren()).filteredOn(n -> n instanceof ImageView)
                .as("colour emoji drawn as images").hasSize(5)
                .allMatch(n -> ((ImageView) n).getImage() != null);
        app.robot.clickOn("#composer").write("Ответ: 谢谢 🙂");
        app.robot.type(javafx.scene.input.KeyCode.ENTER);
        app.waitUntil(() -> app.robot.lookup(".bubble.outgoing").queryAll().stream().anyMatch(Node::isVisible));
        app.waitUntil(() -> bubbleWith("Ответ: 谢谢 \uD83D\uDE42").isPresent());
        app.waitUntil(() -> app.robot.lookup(".emoji").queryAllAs(ImageView.class).stream()
                .allMatch(v -> v.getImage() != null && v.getImage().getProgress() >= 1));
        app.screenshot("multilingual");
    }

    /** The rich-text bubble (text runs and emoji images) that reads {@code text}. */
    private Optional<TextFlow> bubbleWith(String text) {
        return app.robot.lookup(".bubble-links").queryAllAs(TextFlow.class).stream()
                .filter(f -> f.getScene() != null && f.isVisible() && text.equals(readable(f))).findFirst();
    }

    private static String readable(TextFlow flow) {
        StringBuilder out = new StringBuilder();
        for (Node n : flow.getChildren()) {
            out.append(n instanceof Text t ? t.getText() : n.getAccessibleText());
        }
        return out.toString();
    }
}
