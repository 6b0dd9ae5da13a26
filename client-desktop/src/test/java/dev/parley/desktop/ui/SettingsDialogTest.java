package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.Theme;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #18 item 8: Settings fits the 1280x800 headless screen with Done in view, the new passphrase must be typed twice,
 * and a "System" theme follows the desktop's light/dark preference; item 5: Escape closes the dialog.
 */
@DesktopTest
class SettingsDialogTest {
    private DesktopFixture app;

    @BeforeEach
    void setUp() throws Exception {
        app.createLocked("alice");
    }

    @Test
    void settingsFitAnEightHundredPixelScreenConfirmTheNewPassphraseFollowTheDesktopAndCloseWithEscape()
            throws Exception {
        AtomicReference<Theme> desktop = new AtomicReference<>(Theme.DARK);
        app.start("alice");
        app.fx(() -> app.shell().followDesktopScheme(desktop::get));
        app.unlock();
        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> app.showing("#doneButton"));

        Stage dialog = app.shell().openDialogs().get(0);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(screen.getHeight()).as("the headless screen").isLessThanOrEqualTo(800);
        Button done = app.robot.lookup("#doneButton").queryButton();
        Bounds doneOnScreen = org.testfx.util.WaitForAsyncUtils
                .asyncFx(() -> done.localToScreen(done.getBoundsInLocal())).get();
        assertThat(dialog.getHeight()).as("room for a title bar and panels").isLessThanOrEqualTo(screen.getHeight() - 90);
        assertThat(doneOnScreen.getMaxY()).isLessThanOrEqualTo(dialog.getY() + dialog.getHeight());
        assertThat(doneOnScreen.getMaxY()).isLessThanOrEqualTo(screen.getMaxY());
        assertThat(dialog.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        app.screenshot(dialog.getScene(), "settings");

        // the theme is "System" by default and shows what the desktop prefers
        ComboBox<?> theme = app.robot.lookup("#theme").queryComboBox();
        assertThat(theme.getValue()).isEqualTo(Theme.SYSTEM);
        assertThat(app.shell().look()).isEqualTo(Theme.DARK);
        assertThat(app.shell().scene().getRoot().getStyleClass()).contains("theme-dark");
        desktop.set(Theme.LIGHT);
        app.fx(() -> app.shell().followDesktopScheme(desktop::get));
        app.waitUntil(() -> app.shell().scene().getRoot().getStyleClass().contains("theme-light"));

        // a new passphrase typed differently twice cannot be saved
        Node change = app.robot.lookup("#changePassphraseButton").query();
        javafx.scene.control.ScrollPane scroller = app.robot.lookup("#scroller").queryAs(javafx.scene.control.ScrollPane.class);
        Node current = app.robot.lookup("#currentPassphrase").query();
        app.fx(() -> scrollTo(scroller, current));
        app.robot.clickOn("#currentPassphrase").write(UiTestNetwork.PASSPHRASE);
        app.robot.clickOn("#newPassphrase").write("a much better passphrase 9");
        app.robot.clickOn("#confirmPassphrase").write("a much better passphrase 8");
        assertThat(app.showing("#passphraseHint")).isTrue();
        assertThat(change.isDisabled()).isTrue();
        app.robot.type(KeyCode.BACK_SPACE).write("9");
        assertThat(app.showing("#passphraseHint")).isFalse();
        assertThat(change.isDisabled()).isFalse();

        app.robot.type(KeyCode.ESCAPE);
        app.waitUntil(() -> app.shell().openDialogs().isEmpty());
    }

    /** Scrolls {@code scroller} so that {@code node} (and a little below it) is in view. */
    private static void scrollTo(javafx.scene.control.ScrollPane scroller, Node node) {
        javafx.geometry.Bounds inContent = scroller.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double room = scroller.getContent().getBoundsInLocal().getHeight() - scroller.getViewportBounds().getHeight();
        double at = room <= 0 ? 0 : Math.max(0, Math.min(1, (inContent.getMinY() - 20) / room));
        scroller.setVvalue(scroller.getVmin() + at * (scroller.getVmax() - scroller.getVmin()));
    }
}
