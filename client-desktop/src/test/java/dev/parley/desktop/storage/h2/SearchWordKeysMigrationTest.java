package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MigrationProgress;
import dev.parley.desktop.storage.backup.BackupBodyReader;
import dev.parley.desktop.storage.backup.BackupBodyWriter;
import dev.parley.desktop.storage.backup.BackupRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import dev.parley.desktop.storage.SearchTokenizer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V80: a V79 profile's search words (message_words, with their text) become message_word_keys (numbers only): the
 * keys are exactly those of the messages' words, search finds the same messages newest first, and the old table is
 * gone. A run that stops halfway (here: its progress report fails after the first range, as a crash would stop it)
 * leaves each word in one of the two tables, and the rerun completes the move.
 */
class SearchWordKeysMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aV79ProfileKeepsFindingTheSameMessagesAfterAMoveStoppedHalfway() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("words").toAbsolutePath();
        try (SecretSealer sealer = SecretSealer.forFileKey(CryptoProviders.preferred(), TestKeys.key(1));
             Connection c = DriverManager.getConnection(url, "sa", "")) {
            flyway(url, "79", SchemaMigrator.javaMigrations(sealer)).migrate();
            // imported history below zero, neighbours, a range boundary, a long gap; one message without words
            insert(c, -5, "imported walrus history");
            insert(c, 1, "Coffee at eight?");
            insert(c, 2, "coffee tonight, walrus");
            insert(c, 3, "!!");
            insert(c, 4_097, "walrus and coffee again");
            insert(c, 9_000_000, "the newest coffee");
            long words = count(c, "message_words");
            assertThat(words).isEqualTo(16);

            List<long[]> reports = new ArrayList<>();
            MigrationProgress crashAfterOneRange = (step, done, total) -> {
                reports.add(new long[] {done, total});
                if (done > 0) {
                    throw new IllegalStateException("stopped");
                }
            };
            // run as Flyway runs it (in a transaction), stopped as by a crash: no migration history row is written
            c.setAutoCommit(false);
            assertThatThrownBy(() -> new SearchWordKeysMigration(crashAfterOneRange, 2).migrate(context(c)))
                    .hasMessage("stopped");
            c.rollback();
            c.setAutoCommit(true);
            long moved = count(c, "message_word_keys");
            assertThat(moved).as("the first range (seq -5)").isEqualTo(3);
            assertThat(count(c, "message_words")).isEqualTo(words - moved);
            assertThat(reports.get(0)).containsExactly(0, words);

            List<String> steps = new ArrayList<>();
            List<long[]> rerun = new ArrayList<>();
            flyway(url, "80", migrations(sealer, new SearchWordKeysMigration((step, done, total) -> {
                steps.add(step);
                rerun.add(new long[] {done, total});
            }, 2))).migrate();
            assertThat(steps).containsOnly(SearchWordKeysMigration.STEP);
            assertThat(rerun.get(rerun.size() - 1)).containsExactly(words - moved, words - moved);

            assertThat(tableExists(c, "MESSAGE_WORDS")).isFalse();
            assertThat(keys(c)).containsExactlyElementsOf(expectedKeys(c));
            // search as today's client runs it, on the schema it runs on (V91's erased conversations among others)
            flyway(url, SchemaMigrator.LATEST_VERSION, SchemaMigrator.javaMigrations(sealer)).migrate();
            assertThat(search(c, "coffee")).containsExactly("m9000000", "m4097", "m2", "m1");
            assertThat(search(c, "walrus coffee")).containsExactly("m4097", "m2");
            assertThat(search(c, "walrus")).containsExactly("m4097", "m2", "m-5");
            assertThat(search(c, "imported")).containsExactly("m-5");
        }
    }

    /**
     * A backup made by the previous version carries message_words rows: the restore builds that version's schema,
     * loads them, and the usual open moves them to keys.
     */
    @Test
    void aBackupOfTheVersionBeforeRestoresWithItsWordsSearchable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BackupBodyWriter body = new BackupBodyWriter(bytes);
        body.table("MESSAGES", List.of("SEQ", "MESSAGE_ID", "CONVERSATION_ID", "DIRECTION", "SENDER", "SENT_AT",
                "BODY", "STATE", "UNREAD", "KIND"));
        String[] bodies = {"coffee tonight", "walrus coffee", "the walrus"};
        for (int i = 0; i < bodies.length; i++) {
            body.row(new Object[] {i + 1L, "m" + (i + 1), "bob", "INCOMING", "bob", 1L, bodies[i], "READ", false,
                    "TEXT"});
        }
        body.table("MESSAGE_WORDS", List.of("WORD_KEY", "SEQ", "TOKEN"));
        for (int i = 0; i < bodies.length; i++) {
            long key = (i + 1L) << MessageWordsMigration.WORD_BITS;
            for (String token : SearchTokenizer.tokens(bodies[i])) {
                body.row(new Object[] {key++, i + 1L, token});
            }
        }
        body.end();
        Path base = dir.resolve("restored");
        BackupRecord last = H2BackupImport.restore(base, TestKeys.key(1), CryptoProviders.preferred(), "79",
                new BackupBodyReader(new ByteArrayInputStream(bytes.toByteArray())), rows -> { });
        assertThat(last).isInstanceOf(BackupRecord.End.class);
        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            assertThat(DatabaseSurgery.rows(storage, "SELECT COUNT(*) FROM message_word_keys")).containsExactly("6");
            List<String> found = storage.transactions().transactionWithResult(true, txn -> storage.messages()
                    .search(txn, "walrus", Optional.empty(), 10)).stream().map(m -> m.messageId().value()).toList();
            assertThat(found).containsExactly("m3", "m2");
        }
    }

    private static Context context(Connection c) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return c;
            }
        };
    }

    private static JavaMigration[] migrations(SecretSealer sealer, SearchWordKeysMigration v80) {
        return new JavaMigration[] {new SealSecretsMigration(sealer), new MessageWordsMigration(), v80};
    }

    /** A TEXT message and its V68 word rows (word_key = seq * 2^20 + n). */
    private static void insert(Connection c, long seq, String body) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages (seq, message_id, conversation_id, "
                + "direction, sender, sent_at, body, state, unread, kind) VALUES (?, ?, 'bob', 'INCOMING', 'bob', 1, ?, "
                + "'READ', FALSE, 'TEXT')")) {
            ps.setLong(1, seq);
            ps.setString(2, "m" + seq);
            ps.setString(3, body);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO message_words (word_key, seq, token) VALUES (?, ?, ?)")) {
            long key = seq << MessageWordsMigration.WORD_BITS;
            for (String token : SearchTokenizer.tokens(body)) {
                ps.setLong(1, key++);
                ps.setLong(2, seq);
                ps.setString(3, token);
                ps.executeUpdate();
            }
        }
    }

    private static List<String> search(Connection c, String query) throws Exception {
        return H2MessageSearch.search(c, query, Optional.empty(), 10).stream()
                .map(m -> m.messageId().value()).toList();
    }

    private static List<Long> keys(Connection c) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k FROM message_word_keys ORDER BY k")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static TreeSet<Long> expectedKeys(Connection c) throws Exception {
        TreeSet<Long> out = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, body FROM messages")) {
            while (rs.next()) {
                for (long k : SearchWordKeys.keys(rs.getLong(1), rs.getString(2))) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean tableExists(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM "
                + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static Flyway flyway(String url, String target, JavaMigration[] migrations) {
        return Flyway.configure(SearchWordKeysMigrationTest.class.getClassLoader()).dataSource(url, "sa", "")
                .locations(SchemaMigrator.LOCATION).javaMigrations(migrations).target(target).load();
    }
}
