package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.SceneSnapshots;
import dev.parley.desktop.ui.common.Theme;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A transfer's bar shows its track from 0%, in both themes: in an upload row and in a file card of an incoming
 * bubble (where the theme's track colour was the colour behind it, so a running transfer at 0% showed a gap). Drawn
 * with the app's theme and stylesheet; the pixels in the middle of the empty bar are compared with those just above it.
 */
@Tag("ui")
class AttachmentProgressTrackTest {
    /** A difference a reader sees: 20 of 255 in at least one channel. */
    private static final double VISIBLE = 20 / 255.0;

    private String agentBefore;

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(agentBefore)).get();
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "DARK"})
    void anEmptyBarShowsItsTrackInAnUploadRowAndAnIncomingFileCard(Theme theme) throws Exception {
        FxToolkit.registerPrimaryStage();
        ProgressBar[] bars = new ProgressBar[2];
        VBox[] roots = new VBox[1];
        FxToolkit.setupStage(stage -> {
            ProgressBar upload = bar();
            HBox uploadRow = new HBox(8, new Label("Sending report.pdf"), upload);
            uploadRow.getStyleClass().add("attachment-upload");
            ProgressBar download = bar();
            HBox file = new HBox(6, download);
            file.getStyleClass().add("attachment-file");
            VBox bubble = new VBox(2, file, new Label("12:00"));
            bubble.getStyleClass().addAll("bubble", "incoming");
            bubble.setMaxWidth(300);
            VBox root = new VBox(16, uploadRow, bubble);
            root.setStyle("-fx-padding: 16px;");
            agentBefore = Application.getUserAgentStylesheet();
            Application.setUserAgentStylesheet(theme.userAgentStylesheet());
            root.getStyleClass().add(theme.rootStyleClass());
            Scene scene = new Scene(root, 420, 200);
            scene.getStylesheets().add(Objects.requireNonNull(
                    getClass().getResource("/dev/parley/desktop/ui/common/parley.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
            bars[0] = upload;
            bars[1] = download;
            roots[0] = root;
        });
        VBox root = roots[0];
        ProgressBar upload = bars[0];
        ProgressBar download = bars[1];
        WaitForAsyncUtils.waitForFxEvents();
        double[] contrast = WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = root.getScene().snapshot(null);
            SceneSnapshots.write(root.getScene(), Path.of(System.getProperty("parley.screenshotDir",
                    "target/screenshots")).resolve("attachment-progress-track-" + theme.name().toLowerCase() + ".png"));
            return new double[] {contrast(image.getPixelReader(), upload), contrast(image.getPixelReader(), download)};
        }).get();
        assertThat(contrast[0]).as("the track against the upload row").isGreaterThanOrEqualTo(VISIBLE);
        assertThat(contrast[1]).as("the track against an incoming file card").isGreaterThanOrEqualTo(VISIBLE);
    }

    private static ProgressBar bar() {
        ProgressBar bar = new ProgressBar(0);
        bar.getStyleClass().add("attachment-progress");
        bar.setPrefWidth(160);
        return bar;
    }

    /** The largest channel difference between the empty bar's middle and the row 2 px above the bar. */
    private static double contrast(PixelReader pixels, ProgressBar bar) {
        Node track = bar.lookup(".track");
        Bounds b = track.localToScene(track.getLayoutBounds());
        assertThat(b.getWidth()).as("the track's width").isGreaterThan(100);
        assertThat(b.getHeight()).as("the track's height").isGreaterThanOrEqualTo(4);
        int x = (int) b.getCenterX();
        Color inside = pixels.getColor(x, (int) b.getCenterY());
        Color around = pixels.getColor(x, (int) Math.floor(b.getMinY()) - 2);
        return Math.max(Math.abs(inside.getRed() - around.getRed()), Math.max(
                Math.abs(inside.getGreen() - around.getGreen()), Math.abs(inside.getBlue() - around.getBlue())));
    }
}
