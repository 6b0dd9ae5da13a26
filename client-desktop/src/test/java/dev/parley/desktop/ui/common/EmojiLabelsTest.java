package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * #13: a file name with emoji was cut at the label's edge without "…" (a line of emoji images has no ellipsis). Now
 * it ends in "…" before its extension and fits the label; given room again it shows whole; a plain long file name
 * keeps its extension too.
 */
@Tag("ui")
class EmojiLabelsTest {
    private static final String EMOJI_NAME =
            "\uD83C\uDF89 party planning for the whole family \uD83C\uDF82 weekend.txt";
    private static final String PLAIN_NAME = "quarterly-report-of-the-whole-company-final-version.pdf";

    private Stage stage;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongFileNameWithEmojiEndsInAnEllipsisBeforeItsExtensionAndShowsWholeWhenThereIsRoom() throws Exception {
        Label label = showing(EMOJI_NAME, 220);
        String line = WaitForAsyncUtils.asyncFx(() -> line(label)).get(10, TimeUnit.SECONDS);
        assertThat(line).endsWith("\u2026.txt").startsWith("\uD83C\uDF89 party");
        assertThat(line.length()).isLessThan(EMOJI_NAME.length());
        assertThat(WaitForAsyncUtils.asyncFx(() -> flow(label).getChildren().stream()
                .filter(ImageView.class::isInstance).count()).get()).as("the first emoji as its image").isEqualTo(1);
        assertThat(WaitForAsyncUtils.asyncFx(() -> flow(label).prefWidth(-1) <= label.getWidth()).get())
                .as("the cut line fits the label").isTrue();
        assertThat(EmojiLabels.shownText(label)).isEqualTo(EMOJI_NAME);
        assertThat(label.getAccessibleText()).isEqualTo(EMOJI_NAME);

        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(900)).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                EMOJI_NAME.equals(line(label))).get());
    }

    /** As in a file's card: a bold name over its size, beside a link; the name stays on one line. */
    @Test
    void inACardLikeRowTheCutNameStaysOnOneLine() throws Exception {
        AtomicReference<Label> label = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            stage = s;
            Label name = new Label();
            name.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
            EmojiLabels.showFileName(name, EMOJI_NAME, 16);
            javafx.scene.layout.VBox text = new javafx.scene.layout.VBox(1, name, new Label("14 B"));
            HBox.setHgrow(text, Priority.ALWAYS);
            javafx.scene.control.Hyperlink saveAs = new javafx.scene.control.Hyperlink("Save as...");
            HBox row = new HBox(8, EmojiLabels.single("\uD83D\uDCC4", 26), text, saveAs);
            s.setScene(new Scene(new HBox(row), 330, 80));
            s.sizeToScene();
            s.show();
            label.set(name);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label name = label.get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                line(name).endsWith("\u2026.txt")).get());
        double oneLine = WaitForAsyncUtils.asyncFx(() -> {
            Text probe = new Text("Xg");
            probe.setFont(name.getFont());
            return probe.getLayoutBounds().getHeight();
        }).get();
        assertThat(flow(name).getHeight()).as("one line").isLessThan(oneLine * 1.6);
    }

    @Test
    void aLongPlainFileNameKeepsItsExtension() throws Exception {
        Label label = showing(PLAIN_NAME, 220);
        // cut when the label has its width: a layout pass that may come a pulse after the stage is shown
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                label.getText().endsWith("\u2026.pdf")).get());
        String text = WaitForAsyncUtils.asyncFx(label::getText).get();
        assertThat(text).endsWith("\u2026.pdf").startsWith("quarterly-report");
        assertThat(EmojiLabels.shownText(label)).isEqualTo(PLAIN_NAME);
        // a plain text shown again without a file name is the label's own text again (a reused list cell)
        WaitForAsyncUtils.asyncFx(() -> EmojiLabels.show(label, "short", 16)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(label::getText).get()).isEqualTo("short");
        assertThat(label.getPrefWidth()).isEqualTo(Label.USE_COMPUTED_SIZE);
    }

    private Label showing(String name, double width) throws Exception {
        AtomicReference<Label> label = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        // a stage of its own, not the shared primary one: whatever size or minimum an earlier test (of this class or
        // of the suite, in the same JVM) left on that one cannot widen this label
        FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            stage = s;
            Label l = new Label();
            l.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(l, Priority.ALWAYS);
            EmojiLabels.showFileName(l, name, 16);
            HBox row = new HBox(l);
            s.setScene(new Scene(row, width, 60));
            s.show();
            label.set(l);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return label.get();
    }

    private static HBox flow(Label label) {
        return (HBox) label.getGraphic();
    }

    /** The line a label shows: its text, or its text runs and emoji images. */
    private static String line(Label label) {
        if (!(label.getGraphic() instanceof HBox flow)) {
            return label.getText();
        }
        StringBuilder out = new StringBuilder();
        for (Node n : flow.getChildren()) {
            out.append(n instanceof Text t ? t.getText() : n.getAccessibleText());
        }
        return out.toString();
    }
}
