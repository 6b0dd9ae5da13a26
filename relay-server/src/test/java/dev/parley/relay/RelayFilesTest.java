package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import dev.parley.relay.store.H2TrustForTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings 12 and 13 (security review, issue 11): the relay's data directory is private and its files are created
 * private; the database file is not trusted (no class may be loaded on its behalf, and objects the relay never
 * creates make it refuse the file).
 */
class RelayFilesTest {
    @BeforeAll
    static void restrictH2LikeTheRelay() {
        H2TrustForTests.restrictClassLoading();
    }

    @TempDir
    Path parent;

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDataDirectoryAndEveryFileInItArePrivate() throws Exception {
        Path dir = parent.resolve("a/b/relay-data");
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir)
                .withTls(new TlsSettings.SelfSigned()))) {
            assertThat(mode(dir)).isEqualTo("rwx------");
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
                }
            }
            assertThat(dir.resolve("relay.mv.db")).exists();
            assertThat(dir.resolve("relay-id")).exists();
        }
    }

    @Test
    void aDirectoryLeftOpenByAnOlderRelayIsMadePrivate() throws Exception {
        Path dir = Files.createDirectory(parent.resolve("old"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir))) {
            assertThat(mode(dir)).isEqualTo("rwx------");
        }
    }

    @Test
    void theDatabaseMayLoadNoClassByName() throws Exception {
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(parent.resolve("c")))) {
            assertThat(org.h2.engine.SysProperties.ALLOWED_CLASSES).isNotEqualTo("*").doesNotContain("*");
        }
    }

    @Test
    void aPlantedTriggerOrAliasMakesTheRelayRefuseItsDatabase() throws Exception {
        for (String planted : new String[] {
                "CREATE FORCE TRIGGER EVIL BEFORE INSERT ON ACCOUNTS FOR EACH ROW CALL 'com.example.Evil'",
                "CREATE FORCE ALIAS EVIL FOR 'java.lang.Runtime.getRuntime'",
                "CREATE VIEW EVIL AS SELECT * FROM ACCOUNTS"}) {
            Path dir = Files.createTempDirectory(parent, "planted");
            RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir)).close();
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("relay"), "relay", "");
                 Statement st = c.createStatement()) {
                st.execute(planted);
            }
            assertThatThrownBy(() -> RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir)))
                    .as(planted).isInstanceOf(IOException.class).hasMessageContaining("could not be opened")
                    .rootCause().hasMessageContaining("never creates");
        }
    }
}
