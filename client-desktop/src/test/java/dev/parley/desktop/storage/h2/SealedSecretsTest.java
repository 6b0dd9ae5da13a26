package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.TamperedSecretException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 15: H2's {@code CIPHER=AES} does not authenticate, so the protocol state is sealed row by row. Each test
 * changes a row in the real H2 file through JDBC (as someone with the file key, or a corrupting disk, would see it)
 * and checks that reading it gives a clear {@link TamperedSecretException} instead of the changed bytes.
 */
class SealedSecretsTest {
    private static final byte[] IDENTITY = "identity-key-pair-bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ALICE_SESSION = "alice-session".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BOB_SESSION = "bob-session".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path createWithSecrets() throws Exception {
        Path base = dir.resolve("data-1");
        try (H2Storage storage = H2Storage.create(base, TestKeys.key(1), EventPublisher.NONE)) {
            storage.transactions().transaction(false, txn -> {
                storage.secrets().put(txn, SecretNamespace.IDENTITY, "self", IDENTITY);
                storage.secrets().put(txn, SecretNamespace.SESSIONS, "alice", ALICE_SESSION);
                storage.secrets().put(txn, SecretNamespace.SESSIONS, "bob", BOB_SESSION);
            });
        }
        return base;
    }

    private static Optional<byte[]> read(Path base, SecretNamespace namespace, String key) throws Exception {
        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            return storage.transactions().transactionWithResult(true,
                    txn -> storage.secrets().get(txn, namespace, key));
        }
    }

    private static byte[] rawValue(Connection c, String namespace, String key) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT secret_value FROM secrets WHERE namespace = ? AND secret_key = ?")) {
            ps.setString(1, namespace);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static void setRawValue(Connection c, String namespace, String key, byte[] value) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE secrets SET secret_value = ? WHERE namespace = ? AND secret_key = ?")) {
            ps.setBytes(1, value);
            ps.setString(2, namespace);
            ps.setString(3, key);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection connect(Path base) throws Exception {
        return TestKeys.connect(DatabaseFiles.of(base), false, false, TestKeys.key(1));
    }

    @Test
    void sealedRowsReadBackAndAreNotStoredInTheClear() throws Exception {
        Path base = createWithSecrets();
        assertThat(read(base, SecretNamespace.IDENTITY, "self")).hasValue(IDENTITY);
        try (Connection c = connect(base)) {
            byte[] stored = rawValue(c, "identity", "self");
            assertThat(stored).hasSize(IDENTITY.length + SecretSealer.OVERHEAD);
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("identity-key-pair");
        }
    }

    @Test
    void aChangedByteInARowIsRefused() throws Exception {
        Path base = createWithSecrets();
        try (Connection c = connect(base)) {
            byte[] stored = rawValue(c, "identity", "self");
            stored[stored.length - 1] ^= 1;
            setRawValue(c, "identity", "self", stored);
        }
        assertThatThrownBy(() -> read(base, SecretNamespace.IDENTITY, "self"))
                .isInstanceOf(TamperedSecretException.class)
                .hasMessageContaining("authentication check")
                .hasMessageNotContaining("self");
        assertThat(read(base, SecretNamespace.SESSIONS, "alice")).as("other rows still read").hasValue(ALICE_SESSION);
    }

    @Test
    void aRowCopiedUnderAnotherKeyIsRefused() throws Exception {
        Path base = createWithSecrets();
        try (Connection c = connect(base)) {
            setRawValue(c, "session", "bob", rawValue(c, "session", "alice"));
        }
        assertThatThrownBy(() -> read(base, SecretNamespace.SESSIONS, "bob"))
                .isInstanceOf(TamperedSecretException.class);
    }

    @Test
    void aRowMovedToAnotherNamespaceIsRefused() throws Exception {
        Path base = createWithSecrets();
        try (Connection c = connect(base); PreparedStatement ps = c.prepareStatement(
                "UPDATE secrets SET namespace = 'prekey' WHERE namespace = 'session' AND secret_key = 'alice'")) {
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThatThrownBy(() -> read(base, SecretNamespace.PREKEYS, "alice"))
                .isInstanceOf(TamperedSecretException.class);
    }

    @Test
    void aPlaintextRowWrittenIntoTheFileIsRefused() throws Exception {
        Path base = createWithSecrets();
        try (Connection c = connect(base)) {
            setRawValue(c, "session", "alice", BOB_SESSION);
        }
        assertThatThrownBy(() -> read(base, SecretNamespace.SESSIONS, "alice"))
                .isInstanceOf(TamperedSecretException.class);
    }

    @Test
    void aRowFromAnotherProfileIsRefused() throws Exception {
        Path base = createWithSecrets();
        Path other = dir.resolve("data-2");
        try (H2Storage storage = H2Storage.create(other, TestKeys.key(2), EventPublisher.NONE)) {
            storage.transactions().transaction(false,
                    txn -> storage.secrets().put(txn, SecretNamespace.SESSIONS, "alice", BOB_SESSION));
        }
        byte[] foreign;
        try (Connection c = TestKeys.connect(DatabaseFiles.of(other), false, false, TestKeys.key(2))) {
            foreign = rawValue(c, "session", "alice");
        }
        try (Connection c = connect(base)) {
            setRawValue(c, "session", "alice", foreign);
        }
        assertThatThrownBy(() -> read(base, SecretNamespace.SESSIONS, "alice"))
                .isInstanceOf(TamperedSecretException.class);
    }

    @Test
    void migrationV25SealsRowsWrittenBeforeIt() throws Exception {
        Path base = dir.resolve("data-1");
        DatabaseFiles files = DatabaseFiles.of(base);
        try (Connection c = TestKeys.connect(files, true, false, TestKeys.key(1))) {
            OldProfiles.migrateTo(files, TestKeys.key(1), "4");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO secrets (namespace, secret_key, secret_value) VALUES ('identity', 'self', ?)")) {
                ps.setBytes(1, IDENTITY);
                ps.executeUpdate();
            }
        }
        assertThat(read(base, SecretNamespace.IDENTITY, "self")).hasValue(IDENTITY);
        try (Connection c = connect(base)) {
            assertThat(rawValue(c, "identity", "self")).hasSize(IDENTITY.length + SecretSealer.OVERHEAD);
        }
    }

    @Test
    void aPassphraseChangeReSealsTheCopy() throws Exception {
        Path base = createWithSecrets();
        Path copy = dir.resolve("data-2");
        H2Storage.copyWithNewKey(base, TestKeys.key(1), copy, TestKeys.key(3));
        try (H2Storage storage = H2Storage.open(copy, TestKeys.key(3), EventPublisher.NONE)) {
            Optional<byte[]> bob = storage.transactions().transactionWithResult(true,
                    txn -> storage.secrets().get(txn, SecretNamespace.SESSIONS, "bob"));
            assertThat(bob).hasValue(BOB_SESSION);
        }
    }
}
