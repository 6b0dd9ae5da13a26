package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.unlock.NewProfile;
import dev.parley.desktop.ui.unlock.RelayChoice;
import dev.parley.relay.admin.AdminClient;
import dev.parley.relay.admin.AdminRequest;
import dev.parley.relay.admin.AdminResponse;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings of a profile that hosts the relay on this computer: its address, no certificate fingerprint (the loopback
 * relay serves plain WebSocket), and "Create invite code", which creates a real, unused code on that relay.
 */
@Tag("ui")
class EmbeddedRelaySettingsTest {
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
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        net.close();
    }

    @Test
    void settingsShowTheHostedRelayAndCreateInviteCodes() throws Exception {
        sessions.create("alice", new NewProfile("alice", UiTestNetwork.PASSPHRASE.toCharArray(), RelayChoice.EMBEDDED,
                Optional.empty(), Optional.empty()));
        String address = sessions.embeddedRelayAddress().orElseThrow();
        sessions.lock();

        app.start("alice");
        app.unlock();
        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> app.showing("#embeddedRelay"));
        assertThat(app.robot.lookup("#embeddedRelay").queryAs(TextField.class).getText()).isEqualTo(address);
        assertThat(app.robot.lookup("#fingerprintBox").query().isVisible()).as("no TLS on the loopback relay").isFalse();
        assertThat(app.showing("#inviteCode")).isFalse();

        app.robot.clickOn("#createInviteButton");
        app.waitUntil(() -> app.showing("#inviteCode"));
        String code = app.robot.lookup("#inviteCode").queryAs(TextField.class).getText();
        app.screenshot(app.shell().openDialogs().get(0).getScene(), "settings-embedded-relay");

        Path relayDir = tmp.resolve("desktop").resolve("alice").resolve("relay");
        AdminResponse listed = AdminClient.tryRequest(relayDir, new AdminRequest.ListInvites()).orElseThrow();
        assertThat(((AdminResponse.InviteList) listed).invites())
                .anyMatch(i -> i.code().equals(code) && i.state().equals("unused"));
    }
}
