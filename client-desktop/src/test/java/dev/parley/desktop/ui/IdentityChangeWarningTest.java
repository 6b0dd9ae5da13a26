package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.IdentityKeyUpdate;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The identity-key change warning blocks sending until the user accepts the new key; Ctrl+L locks. */
@DesktopTest
class IdentityChangeWarningTest {
    private UiTestNetwork net;
    private ProfileSessions sessions;
    private DesktopFixture app;

    private void createAlice() throws Exception {
        net.createProfile(sessions, "alice");
    }

    private void unlockThroughTheUi(String passphrase) {
        app.robot.clickOn("#passphrase").write(passphrase);
        app.robot.type(KeyCode.ENTER);
    }

    @Test
    void changedIdentityKeyBlocksSendingUntilAccepted() throws Exception {
        net.otherClient("bob");
        createAlice();
        sessions.session().services().addContact("bob");
        sessions.lock();
        // The contact's key changes in alice's encrypted store, as when bob reinstalls and writes again.
        ProfileManager profiles = new ProfileManager(new AppDirectories(net.root.resolve("desktop").toAbsolutePath()),
                CryptoProviders.preferred(), new dev.parley.crypto.primitives.Argon2Params(1024, 1, 1));
        UnlockedProfile alice = profiles.unlock(new ProfileName("alice"), UiTestNetwork.PASSPHRASE.toCharArray(),
                EventPublisher.NONE);
        byte[] newKey = new byte[32];
        Arrays.fill(newKey, (byte) 7);
        IdentityKeyUpdate update = alice.storage().transactions().transactionWithResult(false,
                txn -> alice.storage().contacts().updateIdentityKey(txn, "bob", newKey));
        assertThat(update).isEqualTo(IdentityKeyUpdate.CHANGED);
        alice.lock();

        app.start("alice");
        unlockThroughTheUi(UiTestNetwork.PASSPHRASE);
        app.waitUntil(() -> app.showing(".conversation-cell"));
        app.robot.clickOn(".conversation-cell");
        app.waitUntil(() -> app.showing("#identityBanner"));
        assertThat(app.robot.lookup("#composer").queryAs(TextArea.class).isDisabled()).isTrue();
        assertThat(app.robot.lookup("#sendButton").queryAs(Button.class).isDisabled()).isTrue();
        app.screenshot("test-identity-changed");

        app.robot.clickOn("#identityAcceptButton");
        app.waitUntil(() -> !app.showing("#identityBanner"));
        assertThat(app.robot.lookup("#composer").queryAs(TextArea.class).isDisabled()).isFalse();

        // Ctrl+L locks at once
        app.robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        app.waitUntil(() -> app.showing("#unlockButton"));
        assertThat(app.showing("#conversationList")).isFalse();
    }
}
