package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.unlock.NewProfile;
import dev.parley.desktop.ui.unlock.RelayChoice;
import java.util.Optional;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/**
 * Settings of a profile that hosts the relay on this computer: its address (what other profiles here connect to) and
 * no certificate fingerprint (the loopback relay serves plain WebSocket). No invite codes: the relay listens on
 * 127.0.0.1 and registration on it is open, so a code would do nothing.
 */
@DesktopTest
class EmbeddedRelaySettingsTest {
    private ProfileSessions sessions;
    private DesktopFixture app;

    @Test
    void settingsShowTheHostedRelayAddress() throws Exception {
        sessions.create("alice", new NewProfile("alice", UiTestNetwork.PASSPHRASE.toCharArray(), RelayChoice.EMBEDDED,
                Optional.empty(), Optional.empty()));
        String address = sessions.embeddedRelayAddress().orElseThrow();
        sessions.lock();

        app.start("alice");
        app.unlock();
        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> app.showing("#embeddedRelay"));
        assertThat(app.robot.lookup("#embeddedRelay").queryAs(TextField.class).getText()).isEqualTo(address);
        assertThat(address).startsWith("ws://127.0.0.1:");
        assertThat(app.robot.lookup("#fingerprintBox").query().isVisible()).as("no TLS on the loopback relay").isFalse();
        assertThat(app.robot.lookup("#createInviteButton").tryQuery()).isEmpty();
        app.screenshot(app.shell().openDialogs().get(0).getScene(), "settings-embedded-relay");
    }
}
