package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 9 (security review, issue 11), relay part: an embedding program can have the relay's H2 database encrypted
 * under a key it supplies; an unencrypted database left by an older version is encrypted in place at start.
 */
class EncryptedDatabaseTest {
    @TempDir
    Path dataDir;

    private static DatabaseKey key(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return DatabaseKey.of(bytes);
    }

    private RelayConfig config() {
        return RelayConfig.defaults().withPort(0).withDataDir(dataDir);
    }

    private boolean fileIsEncrypted() throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(dataDir.resolve("relay.mv.db")), 10);
        return new String(head, StandardCharsets.US_ASCII).equals("H2encrypt\n");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void registerAndCheck(RelayServer relay, TestUser user, boolean register) throws Exception {
        try (TestClient client = TestClient.connect(relay.uri())) {
            if (register) {
                user.register(client, 1);
            }
            assertThat(user.authenticate(client).oneTimePreKeysRemaining()).isEqualTo(1);
        }
    }

    @Test
    void withAKeyTheDatabaseFileIsEncryptedAndOpensOnlyWithThatKey() throws Exception {
        TestUser alice = new TestUser("alice");
        try (RelayServer relay = RelayServer.start(config().withDatabaseKey(key(1)))) {
            registerAndCheck(relay, alice, true);
        }
        assertThat(fileIsEncrypted()).isTrue();
        assertThat(contains(Files.readAllBytes(dataDir.resolve("relay.mv.db")), alice.identity.publicKey())).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("relay.mv.db"))))
                .isEqualTo("rw-------");
        try (RelayServer relay = RelayServer.start(config().withDatabaseKey(key(1)))) {
            registerAndCheck(relay, alice, false);
        }
        assertThatThrownBy(() -> RelayServer.start(config().withDatabaseKey(key(2)))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RelayServer.start(config())).isInstanceOf(IOException.class);
        assertThat(key(1).toString()).doesNotContain("01");
    }

    @Test
    void anUnencryptedDatabaseFromAnOlderVersionIsEncryptedInPlaceAndKeepsItsAccounts() throws Exception {
        TestUser alice = new TestUser("alice");
        try (RelayServer relay = RelayServer.start(config())) {
            registerAndCheck(relay, alice, true);
        }
        assertThat(fileIsEncrypted()).isFalse();
        assertThat(contains(Files.readAllBytes(dataDir.resolve("relay.mv.db")), alice.identity.publicKey())).isTrue();
        try (RelayServer relay = RelayServer.start(config().withDatabaseKey(key(3)))) {
            registerAndCheck(relay, alice, false);
        }
        assertThat(fileIsEncrypted()).isTrue();
        assertThat(contains(Files.readAllBytes(dataDir.resolve("relay.mv.db")), alice.identity.publicKey())).isFalse();
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("temp"));
        }
    }
}
