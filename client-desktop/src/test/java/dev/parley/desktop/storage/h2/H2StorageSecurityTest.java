package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StorageSecurityTest {
    @TempDir
    Path dir;
    Path base;

    @BeforeEach
    void createDatabase() throws Exception {
        base = dir.resolve("data-1");
        try (H2Storage storage = H2Storage.create(base, TestKeys.key(1), EventPublisher.NONE)) {
            storage.transactions().transaction(false, txn -> storage.messages().insertIfAbsent(txn,
                    NewMessage.outgoing(new MessageId("m1"), new ConversationId("bob"), "alice",
                            Instant.parse("2026-01-01T00:00:00Z"), "hello")));
        }
    }

    private Reason openFails(Path at, long keySeed) {
        try {
            H2Storage.open(at, TestKeys.key(keySeed), EventPublisher.NONE).close();
        } catch (DatabaseOpenException e) {
            return e.reason();
        }
        throw new AssertionError("the database opened");
    }

    @Test
    void reopensWithTheSameKey() throws Exception {
        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            assertThat(storage.transactions().transactionWithResult(true,
                    (dev.parley.desktop.storage.Transaction txn) -> storage.messages().find(txn, new MessageId("m1")))).isPresent();
        }
    }

    @Test
    void wrongKeyIsReportedAndLeavesNoTraceAndNoChange() throws Exception {
        byte[] before = Files.readAllBytes(H2Storage.dataFile(base));
        assertThat(openFails(base, 2)).isEqualTo(Reason.WRONG_KEY);
        assertThat(Files.readAllBytes(H2Storage.dataFile(base))).isEqualTo(before);
        assertThat(files()).containsExactly("data-1.mv.db");
    }

    @Test
    void truncatedFileIsCorruptAndUntouched() throws Exception {
        Path file = H2Storage.dataFile(base);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 3);
        }
        byte[] before = Files.readAllBytes(file);
        // Depending on where the cut falls H2 reports corruption or an encryption error (90049); the profile layer
        // has already verified the key and reports both as a corrupt database.
        assertThat(openFails(base, 1)).isIn(Reason.CORRUPT, Reason.WRONG_KEY);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(files()).containsExactly("data-1.mv.db");
    }

    @Test
    void damagedStoreHeadersAreCorruptAndUntouched() throws Exception {
        Path file = H2Storage.dataFile(base);
        byte[] bytes = Files.readAllBytes(file);
        // After H2's 4 KiB encryption header come MVStore's two redundant 4 KiB store headers: damage both.
        for (int i = 4096; i < 3 * 4096; i++) {
            bytes[i] ^= (byte) 0x5a;
        }
        Files.write(file, bytes);
        Reason reason = openFails(base, 1);
        assertThat(reason).isIn(Reason.CORRUPT, Reason.WRONG_KEY);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void fileThatIsNotADatabaseIsRefused() throws Exception {
        Path other = dir.resolve("data-2");
        Files.write(H2Storage.dataFile(other), "just some text, not H2".repeat(400).getBytes());
        byte[] before = Files.readAllBytes(H2Storage.dataFile(other));
        assertThat(openFails(other, 1)).isIn(Reason.CORRUPT, Reason.WRONG_KEY);
        assertThat(Files.readAllBytes(H2Storage.dataFile(other))).isEqualTo(before);
    }

    @Test
    void missingFileIsReportedWithoutCreatingOne() {
        assertThat(openFails(dir.resolve("data-9"), 1)).isEqualTo(Reason.MISSING);
        assertThat(Files.exists(dir.resolve("data-9.mv.db"))).isFalse();
    }

    @Test
    void pathsThatCouldInjectOptionsAreRejected() {
        for (Path bad : new Path[] {dir.resolve("data;INIT=RUNSCRIPT FROM 'x'"), dir.resolve("x;AUTO_SERVER=TRUE").resolve("data"),
                Path.of("relative", "data"), dir.resolve("..").resolve("data"), dir.resolve("Data")}) {
            assertThatThrownBy(() -> H2Storage.open(bad, TestKeys.key(1), EventPublisher.NONE))
                    .isInstanceOfSatisfying(DatabaseOpenException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PATH));
        }
    }

    @Test
    void foreignTriggerIsRefusedBeforeAnyWrite() throws Exception {
        plant("CREATE FORCE TRIGGER EVIL BEFORE INSERT ON MESSAGES FOR EACH ROW CALL 'com.example.EvilTrigger'");
        byte[] before = Files.readAllBytes(H2Storage.dataFile(base));
        assertThat(openFails(base, 1)).isEqualTo(Reason.UNTRUSTED);
        assertThat(Files.readAllBytes(H2Storage.dataFile(base))).isEqualTo(before);
    }

    @Test
    void foreignAliasIsRefused() throws Exception {
        plant("CREATE FORCE ALIAS EVIL FOR 'java.lang.Runtime.getRuntime'");
        assertThat(openFails(base, 1)).isEqualTo(Reason.UNTRUSTED);
    }

    @Test
    void foreignViewIsRefused() throws Exception {
        plant("CREATE VIEW EVIL AS SELECT * FROM MESSAGES");
        assertThat(openFails(base, 1)).isEqualTo(Reason.UNTRUSTED);
    }

    @Test
    void foreignSchemaIsRefused() throws Exception {
        plant("CREATE SCHEMA EVIL");
        assertThat(openFails(base, 1)).isEqualTo(Reason.UNTRUSTED);
    }

    @Test
    void h2CannotLoadClassesNamedByTheFile() throws Exception {
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, false, TestKeys.key(1));
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("CREATE ALIAS EVIL FOR 'java.lang.System.getenv'"))
                    .isInstanceOfSatisfying(java.sql.SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(90134));
        }
    }

    @Test
    void copyWithNewKeyReencryptsAndLeavesTheSourceIntact() throws Exception {
        byte[] before = Files.readAllBytes(H2Storage.dataFile(base));
        Path target = dir.resolve("data-2");
        H2Storage.copyWithNewKey(base, TestKeys.key(1), target, TestKeys.key(3));
        assertThat(Files.readAllBytes(H2Storage.dataFile(base))).isEqualTo(before);
        assertThat(openFails(target, 1)).isEqualTo(Reason.WRONG_KEY);
        try (H2Storage storage = H2Storage.open(target, TestKeys.key(3), EventPublisher.NONE)) {
            assertThat(storage.transactions().transactionWithResult(true,
                    (dev.parley.desktop.storage.Transaction txn) -> storage.messages().find(txn, new MessageId("m1")))).isPresent();
        }
        assertThat(files()).containsExactlyInAnyOrder("data-1.mv.db", "data-2.mv.db");
    }

    @Test
    void copyWithWrongSourceKeyFailsAndCreatesNothing() throws Exception {
        Path target = dir.resolve("data-2");
        assertThatThrownBy(() -> H2Storage.copyWithNewKey(base, TestKeys.key(9), target, TestKeys.key(3)))
                .isInstanceOfSatisfying(DatabaseOpenException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_KEY));
        assertThat(files()).containsExactly("data-1.mv.db");
    }

    private void plant(String sql) throws Exception {
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, false, TestKeys.key(1));
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * The profile URL's {@code MAX_MEMORY_ROWS}: H2 keeps even a result larger than its default row limit in memory.
     * Over the limit H2 would spill the result to a {@code .temp.db} file next to the database or in java.io.tmpdir,
     * outside the encrypted file scheme, so rows of plaintext would reach the disk.
     */
    @Test
    void aResultOverH2sDefaultRowLimitWritesNoTemporaryFile() throws Exception {
        String name = "rows-" + Long.toHexString(System.nanoTime());
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        int rows = org.h2.engine.SysProperties.MAX_MEMORY_ROWS + 1000;
        try (Connection c = TestKeys.connect(DatabaseFiles.of(dir.resolve(name)), true, false, TestKeys.key(1));
             Statement s = c.createStatement();
             java.sql.ResultSet sorted = s.executeQuery("SELECT X FROM SYSTEM_RANGE(1, " + rows + ") ORDER BY X DESC")) {
            assertThat(sorted.next()).isTrue();
            assertThat(sorted.getLong(1)).isEqualTo(rows);
            assertThat(tempFiles(dir, name)).as("temporary files next to the database").isEmpty();
            assertThat(tempFiles(tmp, name)).as("temporary files in java.io.tmpdir").isEmpty();
        }
    }

    private static java.util.List<String> tempFiles(Path in, String databaseName) throws IOException {
        try (Stream<Path> s = Files.list(in)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith(databaseName) && f.endsWith(".temp.db")).toList();
        }
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
