package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.backup.BackupHeader;
import dev.parley.crypto.backup.BackupSecretKind;
import dev.parley.crypto.backup.BackupWriter;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.service.BackupService;
import dev.parley.desktop.service.BackupUnreadableException;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ProfileExistsException;
import dev.parley.desktop.service.WrongPassphraseException;
import dev.parley.desktop.storage.backup.BackupBodyWriter;
import dev.parley.desktop.storage.backup.BackupRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #17's bad input: every refused backup gets a clear error and leaves nothing behind: no profile, no half-made
 * directory (restores build in a staging directory that is removed), and an existing profile is never touched.
 */
class BackupBadInputTest {
    private static final char[] SECRET = "backup secret".toCharArray();
    private static final int H = BackupHeader.BYTES;
    private static final int S = BackupWriter.CIPHER_CHUNK_BYTES;

    @RegisterExtension
    final TestNetwork network = new TestNetwork();
    private Path backup;

    /**
     * A backup of several chunks: a profile with a 300 kB desktop preferences file (a file the backup carries as is;
     * an attachment file without its message would be swept away by the app as an orphan).
     */
    @BeforeEach
    void makeBackup() throws Exception {
        ParleyApp alice = network.open("alice");
        alice.account().create("alice", network.address(), TestNetwork.PASSPHRASE.clone());
        byte[] blob = new byte[300_000];
        new Random(1).nextBytes(blob);
        Files.writeString(network.root.resolve("data-alice/alice/desktop.properties"),
                "# " + java.util.HexFormat.of().formatHex(blob) + "\ntheme=DARK\n");
        backup = network.root.resolve("alice.backup");
        alice.backups().export(backup, SECRET.clone(), BackupProgress.NONE);
        alice.close();
        assertThat(Files.size(backup)).isGreaterThan(H + 4L * S);
    }

    private ParleyApp fresh() {
        return network.track(ParleyApp.open(network.config("alice", "data-restore")));
    }

    private void assertNothingWritten() throws IOException {
        Path dataDir = network.root.resolve("data-restore");
        if (Files.exists(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                assertThat(entries.toList()).as("nothing may be left in the data directory").isEmpty();
            }
        }
    }

    private Path variant(String name, byte[] content) throws IOException {
        return Files.write(network.root.resolve(name), content);
    }

    @Test
    void theUntouchedBackupRestores() throws Exception {
        ParleyApp restored = fresh();
        restored.backups().restore(backup, SECRET.clone(), TestNetwork.PASSPHRASE.clone(), BackupProgress.NONE);
        assertThat(restored.account().status().username()).isEqualTo("alice");
        assertThat(network.root.resolve("data-restore/alice/desktop.properties"))
                .hasSameBinaryContentAs(network.root.resolve("data-alice/alice/desktop.properties"));
    }

    @Test
    void aWrongPassphraseIsRefusedBeforeAnythingIsWritten() throws Exception {
        assertThatThrownBy(() -> fresh().backups().restore(backup, "wrong".toCharArray(),
                TestNetwork.PASSPHRASE.clone(), BackupProgress.NONE))
                .isInstanceOf(WrongPassphraseException.class).hasMessage("wrong backup passphrase or recovery code");
        assertNothingWritten();
    }

    @Test
    void truncatedFlippedAndReorderedFilesAreRefusedAndLeaveNothing() throws Exception {
        byte[] file = Files.readAllBytes(backup);
        byte[] flipped = file.clone();
        flipped[H + 2 * S + 100] ^= 0x10;
        byte[] reordered = file.clone();
        System.arraycopy(file, H + S, reordered, H + 2 * S, S);
        System.arraycopy(file, H + 2 * S, reordered, H + S, S);
        List<Path> damaged = List.of(
                variant("cut-at-chunk.backup", Arrays.copyOf(file, H + 3 * S)),
                variant("cut-mid.backup", Arrays.copyOf(file, file.length - 7)),
                variant("flipped.backup", flipped),
                variant("reordered.backup", reordered));
        for (Path bad : damaged) {
            assertThatThrownBy(() -> fresh().backups().restore(bad, SECRET.clone(), TestNetwork.PASSPHRASE.clone(),
                    BackupProgress.NONE)).as(bad.getFileName().toString())
                    .isInstanceOf(BackupUnreadableException.class)
                    .hasMessageMatching("the backup file is (truncated|damaged).*");
            assertNothingWritten();
        }
    }

    @Test
    void aNewerFormatOrDatabaseVersionIsRefusedAsSuch() throws Exception {
        byte[] file = Files.readAllBytes(backup);
        file[9] = 2;
        Path newerFormat = variant("v2.backup", file);
        assertThatThrownBy(() -> fresh().backups().secretKind(newerFormat))
                .isInstanceOf(BackupUnreadableException.class).hasMessageContaining("newer Parley");
        assertThatThrownBy(() -> fresh().backups().restore(newerFormat, SECRET.clone(),
                TestNetwork.PASSPHRASE.clone(), BackupProgress.NONE)).hasMessageContaining("newer Parley");

        Path newerDatabase = crafted("db999.backup", body -> {
            body.manifest(new BackupRecord.Manifest("999", 0, 0, 0, 0));
            body.end();
        });
        assertThatThrownBy(() -> fresh().backups().restore(newerDatabase, SECRET.clone(),
                TestNetwork.PASSPHRASE.clone(), BackupProgress.NONE))
                .isInstanceOf(BackupUnreadableException.class).hasMessageContaining("newer Parley");
        assertNothingWritten();
    }

    @Test
    void aBackupCarryingSessionsOrForeignFilesIsRefused() throws Exception {
        Path withSession = crafted("session.backup", body -> {
            body.manifest(new BackupRecord.Manifest("34", 0, 0, 0, 0));
            body.secret("session", "bob", new byte[] {1, 2, 3});
            body.end();
        });
        assertThatThrownBy(() -> fresh().backups().restore(withSession, SECRET.clone(),
                TestNetwork.PASSPHRASE.clone(), BackupProgress.NONE))
                .isInstanceOf(BackupUnreadableException.class).hasMessageContaining("never carry");
        assertNothingWritten();
        Path escaping = crafted("escape.backup", body -> {
            body.manifest(new BackupRecord.Manifest("34", 0, 0, 1, 1));
            body.file("attachments/../../evil.bin", 1, new java.io.ByteArrayInputStream(new byte[1]), n -> { });
            body.end();
        });
        assertThatThrownBy(() -> fresh().backups().restore(escaping, SECRET.clone(),
                TestNetwork.PASSPHRASE.clone(), BackupProgress.NONE))
                .isInstanceOf(BackupUnreadableException.class).hasMessageContaining("never keeps");
        assertNothingWritten();
        assertThat(network.root.resolve("evil.bin")).doesNotExist();
    }

    @Test
    void anExistingProfileIsNeverOverwritten() throws Exception {
        assertThatThrownBy(() -> network.open("alice").backups().restore(backup, SECRET.clone(),
                TestNetwork.PASSPHRASE.clone(), BackupProgress.NONE))
                .isInstanceOf(ProfileExistsException.class).hasMessageContaining("restore into a new name");
        ParleyApp alice = network.unlock("alice");
        assertThat(alice.account().status().username()).isEqualTo("alice");
    }

    @Test
    void aRecoveryCodeBackupNeedsItsCode() throws Exception {
        ParleyApp alice = network.unlock("alice");
        Path coded = network.root.resolve("coded.backup");
        BackupService.Exported exported = alice.backups().export(coded, null, BackupProgress.NONE);
        assertThatThrownBy(() -> alice.backups().export(coded, null, BackupProgress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
        alice.close();
        assertThat(fresh().backups().secretKind(coded)).isEqualTo(BackupService.SecretKind.RECOVERY_CODE);
        assertThatThrownBy(() -> fresh().backups().restore(coded, SECRET.clone(), TestNetwork.PASSPHRASE.clone(),
                BackupProgress.NONE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("30 digits");
        char[] wrong = exported.recoveryCode().clone();
        wrong[0] = wrong[0] == '0' ? '1' : '0';
        assertThatThrownBy(() -> fresh().backups().restore(coded, wrong, TestNetwork.PASSPHRASE.clone(),
                BackupProgress.NONE)).isInstanceOf(WrongPassphraseException.class);
        assertNothingWritten();
        String typed = new String(exported.recoveryCode()).replace(' ', '-');
        ParleyApp restored = fresh();
        restored.backups().restore(coded, typed.toCharArray(), TestNetwork.PASSPHRASE.clone(), BackupProgress.NONE);
        assertThat(restored.account().status().username()).isEqualTo("alice");
    }

    interface Body {
        void write(BackupBodyWriter body) throws IOException;
    }

    /** A backup made with the right secret whose body someone who knew the secret wrote by hand. */
    private Path crafted(String name, Body content) throws IOException {
        Path file = network.root.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             BackupWriter writer = BackupWriter.start(out, TestNetwork.CRYPTO,
                     new String(SECRET).getBytes(StandardCharsets.UTF_8), BackupSecretKind.PASSPHRASE,
                     new Argon2Params(1024, 1, 1))) {
            content.write(new BackupBodyWriter(writer));
        }
        return file;
    }
}
