package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.profile.BackupProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: first run, "Restore from a backup": a cut file and a wrong passphrase each give a clear error and write
 * nothing; the right passphrase restores the profile under a new passphrase and opens the main window with the history.
 */
@DesktopTest
class RestoreFromBackupUiTest {
    private static final String BACKUP_PASSPHRASE = "the backup passphrase";

    @TempDir
    Path tmp;

    private UiTestNetwork net;
    private ProfileSessions sessions;
    private DesktopFixture app;
    private Path backup;
    private Path truncated;

    @BeforeEach
    void setUp() throws Exception {
        ParleyApp alice = net.otherClient("alice");
        net.otherClient("bob");
        alice.contacts().add("bob");
        alice.messaging().send("bob", "written before the backup");
        backup = tmp.resolve("alice.parley-backup");
        alice.backups().export(backup, BACKUP_PASSPHRASE.toCharArray(), BackupProgress.NONE);
        alice.close();
        byte[] bytes = Files.readAllBytes(backup);
        truncated = Files.write(tmp.resolve("cut.parley-backup"), Arrays.copyOf(bytes, bytes.length - 100));
    }

    @Test
    void badFilesAndWrongSecretsWriteNothingAndTheRightOneOpensTheHistory() throws Exception {
        app.start("");
        app.robot.clickOn("#restoreLink");
        app.waitUntil(() -> app.showing("#restoreButton"));
        Button restore = app.robot.lookup("#restoreButton").queryButton();
        assertThat(restore.isDisabled()).isTrue();

        fill(truncated, BACKUP_PASSPHRASE);
        app.waitUntil(() -> label("#secretLabel").equals("Backup passphrase"));
        app.robot.clickOn(restore);
        app.waitUntil(() -> app.showing("#error"));
        assertThat(label("#error")).startsWith("This backup cannot be restored:").contains("truncated")
                .endsWith("Nothing was written.");
        assertThat(sessions.profiles()).isEmpty();

        fill(backup, "not the backup passphrase");
        app.robot.clickOn(restore);
        app.waitUntil(() -> app.showing("#error"));
        assertThat(label("#error")).isEqualTo("Wrong backup passphrase or recovery code. Nothing was written.");
        assertThat(sessions.profiles()).isEmpty();

        fill(backup, BACKUP_PASSPHRASE);
        app.waitUntil(() -> !app.showing("#error") && !restore.isDisabled());
        app.screenshot("backup-restore");
        app.robot.clickOn(restore);
        app.waitUntil(() -> app.showing("#conversationList"));
        assertThat(sessions.profiles()).containsExactly("alice");
        assertThat(sessions.session().services().history("bob", 10, java.util.OptionalLong.empty()).newestFirst())
                .extracting(m -> m.text()).containsExactly("written before the backup");
    }

    private void fill(Path file, String secret) throws Exception {
        app.fx(() -> {
            text("#backupFile").setText(file.toString());
            text("#backupSecret").setText(secret);
            text("#profileName").setText("alice");
            text("#passphrase").setText(UiTestNetwork.PASSPHRASE);
            text("#confirmation").setText(UiTestNetwork.PASSPHRASE);
        });
    }

    private TextField text(String query) {
        return app.robot.lookup(query).queryAs(TextField.class);
    }

    private String label(String query) {
        return app.robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
