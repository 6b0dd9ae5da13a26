package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.testing.DeterministicRandom;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file layer ({@link EncryptedFilePath}, the JDK's AES) and H2's own {@code CIPHER=AES} read and write the same
 * files: a profile written by either opens with the other, byte ranges written unaligned by one channel read back
 * through the other, and damaged files are refused clearly without being changed.
 */
class EncryptedFileFormatTest {
    private static final int ROWS = 120;
    @TempDir
    Path dir;

    /** H2's own URL for the same file: the file password (hex of the key), a space, the user password. */
    private static Connection h2Cipher(Path base, SecretBytes key) throws Exception {
        char[] file = H2StorageOpener.filePassword(key);
        String password = new String(file) + " parley-local";
        return DriverManager.getConnection("jdbc:h2:file:" + base + ";CIPHER=AES;IFEXISTS=FALSE", "parley", password);
    }

    private static String text(int row) {
        return ("row " + row + " ").repeat(300);
    }

    @Test
    void aProfileWrittenByH2sCipherOpensUnchanged() throws Exception {
        Path base = dir.resolve("h2-written");
        try (SecretSealer sealer = SecretSealer.forFileKey(CryptoProviders.preferred(), TestKeys.key(1));
             Connection c = h2Cipher(base, TestKeys.key(1))) {
            char[] file = H2StorageOpener.filePassword(TestKeys.key(1));
            SchemaMigrator.migrate("jdbc:h2:file:" + base + ";CIPHER=AES", "parley",
                    (new String(file) + " parley-local").toCharArray(), sealer);
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE extra_pages(id INT PRIMARY KEY, body VARCHAR)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO extra_pages VALUES (?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, text(i));
                    ps.executeUpdate();
                }
            }
        }
        assertThat(Files.size(H2Storage.dataFile(base))).as("several pages").isGreaterThan(64 * 4096);
        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            storage.transactions().transaction(false, txn -> storage.messages().insertIfAbsent(txn, message("m1")));
        }
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, true, TestKeys.key(1));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, body FROM extra_pages ORDER BY id")) {
            int n = 0;
            while (rs.next()) {
                assertThat(rs.getString(2)).isEqualTo(text(rs.getInt(1)));
                n++;
            }
            assertThat(n).isEqualTo(ROWS);
        }
    }

    @Test
    void aProfileWrittenHereOpensWithH2sCipher() throws Exception {
        Path base = dir.resolve("written-here");
        try (H2Storage storage = H2Storage.create(base, TestKeys.key(2), EventPublisher.NONE)) {
            for (int i = 0; i < ROWS; i++) {
                String id = "m" + i;
                storage.transactions().transaction(false, txn -> storage.messages().insertIfAbsent(txn, message(id)));
            }
        }
        try (Connection c = h2Cipher(base, TestKeys.key(2));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM messages")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(ROWS);
        }
        try (H2Storage storage = H2Storage.open(base, TestKeys.key(2), EventPublisher.NONE)) {
            Optional<Message> m = storage.transactions().transactionWithResult(true,
                    (dev.parley.desktop.storage.Transaction txn) -> storage.messages().find(txn, new MessageId("m7")));
            assertThat(m).hasValueSatisfying(x -> assertThat(x.body()).isEqualTo(body("m7")));
        }
    }

    @Test
    void unalignedWritesOfOneChannelReadBackThroughTheOther() throws Exception {
        byte[] password = H2FileKey.passwordBytes(TestKeys.key(3));
        DeterministicRandom random = new DeterministicRandom(7);
        byte[] expected = new byte[6 * 4096];
        Path ours = dir.resolve("ours.bin");
        Path theirs = dir.resolve("theirs.bin");
        // The file grows by whole blocks (as MVStore writes), then unaligned writes inside it: H2's own channel
        // fails (EOF) on an unaligned write past its end and damages data on one inside a file of unaligned size.
        int[][] writes = {{0, 4096}, {4096, 8192}, {12_288, 12_288}, {100, 50}, {4090, 20}, {12_000, 9_000},
            {21_000, 3_576}};
        try (FileChannel a = new EncryptedFileChannel("ours", password.clone(), open(ours));
             FileChannel b = new FileEncrypt("theirs", password.clone(), open(theirs))) {
            for (int[] w : writes) {
                byte[] chunk = random.bytes(w[1]);
                System.arraycopy(chunk, 0, expected, w[0], w[1]);
                a.write(ByteBuffer.wrap(chunk), w[0]);
                b.write(ByteBuffer.wrap(chunk), w[0]);
            }
            assertThat(a.size()).isEqualTo(expected.length).isEqualTo(b.size());
        }
        assertThat(Files.size(ours)).isEqualTo(Files.size(theirs));
        try (FileChannel a = new EncryptedFileChannel("ours", password.clone(), open(theirs));
             FileChannel b = new FileEncrypt("theirs", password.clone(), open(ours))) {
            assertThat(readAll(a, expected.length)).isEqualTo(expected);
            assertThat(readAll(b, expected.length)).isEqualTo(expected);
            ByteBuffer middle = ByteBuffer.allocate(5000);
            a.read(middle, 3000);
            assertThat(middle.array()).isEqualTo(Arrays.copyOfRange(expected, 3000, 8000));
            a.truncate(9000);
            assertThat(a.size()).isEqualTo(9000);
        }
        try (FileChannel b = new FileEncrypt("theirs", password.clone(), open(theirs))) {
            assertThat(b.size()).as("a size that is not whole blocks, recorded as H2 does").isEqualTo(9000);
            assertThat(readAll(b, 9000)).isEqualTo(Arrays.copyOf(expected, 9000));
        }
    }

    @Test
    void anUnalignedWriteInsideAFileOfUnalignedSizeKeepsTheRest() throws Exception {
        byte[] password = H2FileKey.passwordBytes(TestKeys.key(3));
        byte[] expected = new DeterministicRandom(8).bytes(5 * 4096 + 1234);
        try (FileChannel a = new EncryptedFileChannel("ours", password.clone(), open(dir.resolve("sized.bin")))) {
            a.write(ByteBuffer.wrap(expected), 0);
            byte[] patch = new DeterministicRandom(9).bytes(50);
            System.arraycopy(patch, 0, expected, 100, 50);
            a.write(ByteBuffer.wrap(patch), 100);
            assertThat(a.size()).isEqualTo(expected.length);
            assertThat(readAll(a, expected.length)).isEqualTo(expected);
        }
    }

    @Test
    void aFileTruncatedInsideItsHeaderIsRefusedAndUntouched() throws Exception {
        Path base = dir.resolve("cut");
        H2Storage.create(base, TestKeys.key(4), EventPublisher.NONE).close();
        Path file = H2Storage.dataFile(base);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> H2Storage.open(base, TestKeys.key(4), EventPublisher.NONE))
                .isInstanceOfSatisfying(DatabaseOpenException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
                    assertThat(e.getCause()).hasMessageContaining("truncated");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aWrongKeyIsReportedAsSuchAndTheKeyIsWipedAtLock() throws Exception {
        Path base = dir.resolve("keyed");
        DatabaseFiles files = DatabaseFiles.of(base);
        try (H2Storage storage = H2Storage.create(base, TestKeys.key(5), EventPublisher.NONE)) {
            assertThat(FileKeyRing.holds(files)).isTrue();
        }
        assertThat(FileKeyRing.holds(files)).as("wiped when the storage closes").isFalse();
        assertThatThrownBy(() -> H2Storage.open(base, TestKeys.key(6), EventPublisher.NONE))
                .isInstanceOfSatisfying(DatabaseOpenException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_KEY));
        assertThat(FileKeyRing.holds(files)).isFalse();
        assertThat(DatabaseFiles.of(base).url(false, false)).doesNotContain("CIPHER")
                .doesNotContain(new String(H2StorageOpener.filePassword(TestKeys.key(5))));
    }

    private static FileChannel open(Path file) throws Exception {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static byte[] readAll(FileChannel ch, int length) throws Exception {
        ByteBuffer all = ByteBuffer.allocate(length);
        while (all.hasRemaining()) {
            if (ch.read(all, all.position()) < 0) {
                break;
            }
        }
        return all.array();
    }

    private static String body(String id) {
        return "message " + id + " " + "word ".repeat(40);
    }

    private static NewMessage message(String id) {
        return NewMessage.outgoing(new MessageId(id), new ConversationId("bob"), "alice",
                Instant.parse("2026-01-01T00:00:00Z"), body(id));
    }
}
