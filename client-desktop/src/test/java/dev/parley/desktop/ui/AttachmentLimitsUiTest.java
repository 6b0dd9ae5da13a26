package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.AttachmentLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #13 the relay's limits as the desktop shows them (a relay that takes files up to 2 MB and holds 1 MB per account):
 * a file over the size limit and one over the quota each end in their own sentence on the upload, which can be
 * dismissed; nothing is sent. And an image pasted into the composer (Ctrl+V) is previewed, sent, and its
 * temporary PNG removed.
 */
@DesktopTest(relay = AttachmentLimitsUiTest.SmallLimits.class)
class AttachmentLimitsUiTest {
    /** Files up to 2 MB, 1 MB held per account. */
    static final class SmallLimits implements java.util.function.UnaryOperator<dev.parley.relay.RelayConfig> {
        @Override
        public dev.parley.relay.RelayConfig apply(dev.parley.relay.RelayConfig c) {
            return c.withAttachments(new AttachmentLimits(2_000_000, 1_000_000, Duration.ofHours(1)));
        }
    }

    @TempDir
    Path tmp;

    private DesktopFixture app;
    private final AnsweredFileChoosers choosers = new AnsweredFileChoosers();

    @BeforeEach
    void setUp() throws Exception {
        app.createWithContact("alice", "bob");
        app.sessions.lock();
    }

    @Test
    void tooLargeAndOverQuotaSayWhy() throws Exception {
        app.start("alice");
        app.fx(() -> app.shell().useFileChoosers(choosers));
        app.unlock();
        // the list loads in the background after unlock (slow on a loaded machine)
        app.waitUntil(() -> app.robot.lookup("bob").tryQuery().isPresent());
        app.robot.clickOn("bob");
        app.waitUntil(() -> app.showing("#attachButton"));

        send(file("video.bin", 3_000_000));
        app.waitUntil(() -> labelShowing("This file is too large: the relay does not accept files of this size."));
        app.screenshot("attachment-too-large");
        assertThat(app.robot.lookup(".hyperlink").queryAll().stream()
                .anyMatch(n -> n.isVisible() && "Retry".equals(((Labeled) n).getText()))).isFalse();
        app.robot.clickOn(link("Dismiss"));
        app.waitUntil(() -> !labelShowing("Sending video.bin"));

        send(file("album.bin", 1_500_000));
        app.waitUntil(() -> labelShowing(
                "Your files on the relay are over its quota. Wait for older files to expire, then retry."));
        assertThat(link("Retry").isVisible()).isTrue();
        assertThat(app.robot.lookup(".attachment-card").queryAll().stream().anyMatch(Node::isVisible)).isFalse();
    }

    @Test
    void anImagePastedIntoTheComposerIsPreviewedAndSent() throws Exception {
        app.start("alice");
        app.fx(() -> app.shell().useFileChoosers(choosers));
        app.unlock();
        // the list loads in the background after unlock (slow on a loaded machine)
        app.waitUntil(() -> app.robot.lookup("bob").tryQuery().isPresent());
        app.robot.clickOn("bob");
        app.waitUntil(() -> app.showing("#attachButton"));
        app.fx(() -> {
            javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(64, 48);
            for (int x = 0; x < 64; x++) {
                for (int y = 0; y < 48; y++) {
                    image.getPixelWriter().setArgb(x, y, 0xff2060c0 + x);
                }
            }
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putImage(image);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        app.robot.clickOn(".composer-input");
        app.robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.V)
                .release(javafx.scene.input.KeyCode.CONTROL);
        app.waitUntil(() -> app.robot.lookup(".attachment-preview").queryAll().stream().anyMatch(Node::isVisible));
        // the whole name (the label may show it cut before its extension)
        String name = dev.parley.desktop.ui.common.EmojiLabels.shownText(
                app.robot.lookup("#pendingFileName").queryAs(javafx.scene.control.Label.class));
        assertThat(name).startsWith("pasted-image-").endsWith(".png");
        // where Files.createTempFile put it (the JDK reads java.io.tmpdir once; surefire may set it later)
        Path temporary = java.util.stream.Stream.of(System.getProperty("java.io.tmpdir"), "/tmp")
                .map(d -> Path.of(d).resolve(name)).filter(Files::exists).findFirst().orElseThrow();
        assertThat(Files.readAllBytes(temporary)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        app.robot.clickOn("#sendFileButton");
        app.waitUntil(() -> app.robot.lookup(".attachment-card").queryAll().stream().anyMatch(Node::isVisible));
        assertThat(Files.exists(temporary)).as("the pasted image's temporary copy is removed once sent").isFalse();
    }

    private Path file(String name, int size) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, new byte[size]);
        return file;
    }

    private void send(Path file) throws Exception {
        choosers.send(file);
        app.robot.clickOn("#attachButton");
        app.waitUntil(() -> app.robot.lookup(".attachment-preview").queryAll().stream().anyMatch(Node::isVisible));
        app.robot.clickOn("#sendFileButton");
    }

    private Node link(String text) {
        return app.robot.lookup(".hyperlink").queryAll().stream()
                .filter(n -> n.isVisible() && text.equals(((Labeled) n).getText())).findFirst().orElseThrow();
    }

    private boolean labelShowing(String text) {
        return app.robot.lookup(".label").queryAll().stream()
                .anyMatch(n -> n.isVisible() && n.getScene() != null && text.equals(((Labeled) n).getText()));
    }
}
