package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: Settings > Backup exports the unlocked profile off the UI thread and shows a generated recovery code
 * once; a backup passphrase must be typed twice.
 */
@DesktopTest
class BackupSettingsTest {
    @TempDir
    Path tmp;

    private DesktopFixture app;

    @BeforeEach
    void setUp() throws Exception {
        app.createLocked("alice");
    }

    @Test
    void exportsWithAGeneratedRecoveryCodeShownOnceOrWithAPassphraseTypedTwice() throws Exception {
        app.start("alice");
        app.unlock();
        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> app.showing("#doneButton"));
        Stage dialog = app.shell().openDialogs().get(0);
        ScrollPane scroller = app.robot.lookup("#scroller").queryAs(ScrollPane.class);
        app.fx(() -> scroller.setVvalue(scroller.getVmax()));
        TextField target = app.robot.lookup("#backupTarget").queryAs(TextField.class);
        assertThat(target.getText()).as("a suggested file name").endsWith(".parley-backup").contains("alice");
        Button export = app.robot.lookup("#exportBackupButton").queryButton();
        assertThat(app.showing("#recoveryCodeBox")).isFalse();

        Path coded = tmp.resolve("alice-coded.parley-backup");
        app.fx(() -> target.setText(coded.toString()));
        app.robot.clickOn(export);
        app.waitUntil(() -> app.showing("#recoveryCodeBox"));
        String code = app.robot.lookup("#recoveryCode").queryAs(TextField.class).getText();
        assertThat(code).matches("[0-9]{5}( [0-9]{5}){5}");
        assertThat(coded).exists();
        app.fx(() -> scroller.setVvalue(scroller.getVmax()));
        app.screenshot(dialog.getScene(), "settings-backup");

        // with a passphrase: typed twice, and the button waits for a match
        app.robot.clickOn("#backupUseCode");
        Path withPassphrase = tmp.resolve("alice-passphrase.parley-backup");
        app.fx(() -> target.setText(withPassphrase.toString()));
        app.robot.clickOn("#backupPassphrase").write("a long backup passphrase");
        app.robot.clickOn("#backupConfirm").write("a long backup passphrase!");
        assertThat(export.isDisabled()).isTrue();
        app.fx(() -> app.robot.lookup("#backupConfirm").queryAs(TextField.class).setText("a long backup passphrase"));
        assertThat(export.isDisabled()).isFalse();
        app.robot.clickOn(export);
        app.waitUntil(() -> app.robot.lookup("#backupResult").queryLabeled().getText().startsWith("Backup saved"));
        assertThat(app.robot.lookup("#backupResult").queryLabeled().getText()).startsWith("Backup saved to");
        assertThat(app.showing("#recoveryCodeBox")).as("no code for a passphrase backup").isFalse();
        assertThat(withPassphrase).exists();

        // the same file again is refused, with the reason
        app.fx(() -> app.robot.lookup("#backupConfirm").queryAs(TextField.class).setText(""));
        app.robot.clickOn("#backupUseCode");
        app.robot.clickOn(export);
        app.waitUntil(() -> !app.robot.lookup("#backupResult").queryLabeled().getText().isEmpty());
        assertThat(app.robot.lookup("#backupResult").queryLabeled().getText()).contains("already exists");

        // scheduled: weekly into a folder, keeping 3; the code they share is shown once
        assertThat(app.robot.lookup("#scheduleStatus").queryLabeled().getText()).isEqualTo("Scheduled backups are off.");
        Path folder = java.nio.file.Files.createDirectories(tmp.resolve("scheduled"));
        app.fx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<dev.parley.desktop.ui.settings.BackupScheduleViewModel.Choice> every =
                    app.robot.lookup("#scheduleChoice").queryAs(javafx.scene.control.ChoiceBox.class);
            every.setValue(dev.parley.desktop.ui.settings.BackupScheduleViewModel.Choice.WEEKLY);
            app.robot.lookup("#scheduleFolder").queryAs(TextField.class).setText(folder.toString());
            app.robot.lookup("#scheduleKeep").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(3);
            scroller.setVvalue(scroller.getVmax());
        });
        app.robot.clickOn("#saveScheduleButton");
        app.waitUntil(() -> app.robot.lookup("#scheduleStatus").queryLabeled().getText().startsWith("A backup every week"));
        assertThat(app.robot.lookup("#scheduleStatus").queryLabeled().getText()).contains("keeping the newest 3");
        assertThat(app.robot.lookup("#recoveryCode").queryAs(TextField.class).getText())
                .matches("[0-9]{5}( [0-9]{5}){5}");
        app.fx(() -> scroller.setVvalue(scroller.getVmax()));
        app.screenshot(dialog.getScene(), "backup-schedule");
    }
}
