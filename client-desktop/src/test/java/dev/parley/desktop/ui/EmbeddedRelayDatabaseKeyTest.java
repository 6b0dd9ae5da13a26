package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.ui.unlock.NewProfile;
import dev.parley.desktop.ui.unlock.RelayChoice;
import dev.parley.relay.DatabaseKey;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 finding 9: the desktop's embedded relay ("run a relay on this computer") keeps its H2 database encrypted
 * under a key held in the unlocked profile. Real profile, real embedded relay, real files.
 */
class EmbeddedRelayDatabaseKeyTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path root;

    @Test
    void theEmbeddedRelaysDatabaseIsEncryptedUnderTheProfilesKeyAndUnreadableWithoutIt() throws Exception {
        AppDirectories dirs = new AppDirectories(root.resolve("desktop").toAbsolutePath());
        try (ProfileSessions sessions = new ProfileSessions(dirs, name -> UiTestNetwork.config(dirs, name))) {
            sessions.create("carol", new NewProfile("carol", PASSPHRASE.toCharArray(), RelayChoice.EMBEDDED,
                    Optional.empty(), Optional.empty()));
            assertThat(sessions.embeddedRelayAddress()).isPresent();
        }
        Path relayDir = dirs.profileDirectory(new ProfileName("carol")).resolve("relay");
        assertThat(startsWith(relayDir.resolve("relay.mv.db"), "H2encrypt")).as("H2's encrypted-file header").isTrue();
        assertThatThrownBy(() -> RelayServer.start(RelayConfig.defaults().withDataDir(relayDir).withPort(0)))
                .as("without a key").isInstanceOf(IOException.class);
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        assertThatThrownBy(() -> RelayServer.start(RelayConfig.defaults().withDataDir(relayDir).withPort(0)
                .withDatabaseKey(DatabaseKey.of(other)))).as("with another key").isInstanceOf(IOException.class);

        try (ProfileSessions sessions = new ProfileSessions(dirs, name -> UiTestNetwork.config(dirs, name))) {
            sessions.unlock("carol", PASSPHRASE.toCharArray());
            assertThat(sessions.embeddedRelayAddress()).as("the unlocked profile's key opens it again").isPresent();
        }
    }

    private static boolean startsWith(Path file, String marker) throws IOException {
        byte[] expected = marker.getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(expected.length), expected);
        }
    }
}
