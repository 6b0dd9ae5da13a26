package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.CryptoProviders;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V68: every search word of message_tokens moves to message_words under its message's key range (word_key / 2^20 =
 * seq), numbered 0..n-1 within the message, also across gaps in the sequence and across the migration's copy ranges;
 * the old table is gone. A copy stopped halfway by a crash is started over.
 */
class MessageWordsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void everyWordMovesIntoItsMessagesKeyRange() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("words").toAbsolutePath();
        try (SecretSealer sealer = SecretSealer.forFileKey(CryptoProviders.preferred(), TestKeys.key(1));
             Connection c = DriverManager.getConnection(url, "sa", "")) {
            flyway(url, sealer, "67").migrate();
            List<String> expected = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                // seq 1 and 2 adjacent, 4,095 and 4,096 across a copy range, 9,000,000 after a long gap
                for (long seq : new long[] {1, 2, 4_095, 4_096, 9_000_000}) {
                    String[] words = seq == 2 ? new String[] {"lunch"} : new String[] {"zebra", "apple", "mango"};
                    for (String word : words) {
                        s.execute("INSERT INTO message_tokens (token, seq) VALUES ('" + word + "', " + seq + ")");
                        expected.add(seq + " " + word);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                // what a run stopped halfway (a crash) leaves: part of the new table; the rerun starts it over
                s.execute("CREATE TABLE message_words (word_key BIGINT PRIMARY KEY, seq BIGINT NOT NULL, "
                        + "token CHARACTER VARYING(32) NOT NULL)");
                s.execute("INSERT INTO message_words VALUES (" + (1L << MessageWordsMigration.WORD_BITS) + ", 1, 'stale')");
            }
            flyway(url, sealer, "68").migrate();
            List<String> moved = new ArrayList<>();
            List<Long> numbers = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT word_key, seq, token FROM message_words ORDER BY word_key")) {
                while (rs.next()) {
                    assertThat(rs.getLong(1) >> MessageWordsMigration.WORD_BITS).isEqualTo(rs.getLong(2));
                    numbers.add(rs.getLong(1) & ((1L << MessageWordsMigration.WORD_BITS) - 1));
                    moved.add(rs.getLong(2) + " " + rs.getString(3));
                }
            }
            assertThat(moved).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(numbers).containsExactly(0L, 1L, 2L, 0L, 0L, 1L, 2L, 0L, 1L, 2L, 0L, 1L, 2L);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM "
                    + "INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'MESSAGE_TOKENS'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    private static Flyway flyway(String url, SecretSealer sealer, String target) {
        return Flyway.configure(MessageWordsMigrationTest.class.getClassLoader()).dataSource(url, "sa", "")
                .locations(SchemaMigrator.LOCATION).javaMigrations(SchemaMigrator.javaMigrations(sealer))
                .target(target).load();
    }
}
