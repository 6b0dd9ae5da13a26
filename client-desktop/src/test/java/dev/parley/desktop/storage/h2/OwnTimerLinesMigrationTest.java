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

/** V60: own timer lines stored before it ("alice set ...") read "You set ..."; nothing else changes. */
class OwnTimerLinesMigrationTest {
    @TempDir
    Path dir;

    @Test
    void onlyOwnTimerLinesAreRewritten() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("own-lines").toAbsolutePath();
        try (SecretSealer sealer = SecretSealer.forFileKey(CryptoProviders.preferred(), TestKeys.key(1));
             Connection c = DriverManager.getConnection(url, "sa", "")) {
            flyway(url, sealer, "47").migrate();
            try (Statement s = c.createStatement()) {
                insert(s, 1, "OUTGOING", "SYSTEM", "alice", "alice set disappearing messages to 1 hour");
                insert(s, 2, "OUTGOING", "SYSTEM", "alice", "alice turned off disappearing messages");
                insert(s, 3, "INCOMING", "SYSTEM", "bob", "bob set disappearing messages to 5 minutes");
                insert(s, 4, "OUTGOING", "TEXT", "alice", "alice set disappearing messages to 1 hour");
                insert(s, 5, "OUTGOING", "SYSTEM", "alice", "bob set disappearing messages to 1 hour");
            }
            flyway(url, sealer, "60").migrate();
            List<String> bodies = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT body FROM messages ORDER BY seq")) {
                while (rs.next()) {
                    bodies.add(rs.getString(1));
                }
            }
            assertThat(bodies).containsExactly("You set disappearing messages to 1 hour",
                    "You turned off disappearing messages", "bob set disappearing messages to 5 minutes",
                    "alice set disappearing messages to 1 hour", "bob set disappearing messages to 1 hour");
        }
    }

    private static void insert(Statement s, int seq, String direction, String kind, String sender, String body)
            throws Exception {
        s.execute("INSERT INTO messages (seq, message_id, conversation_id, direction, sender, sent_at, body, state, "
                + "unread, kind) VALUES (" + seq + ", 'm" + seq + "', 'bob', '" + direction + "', '" + sender + "', 1, '"
                + body + "', 'SENT', FALSE, '" + kind + "')");
    }

    private static Flyway flyway(String url, SecretSealer sealer, String target) {
        return Flyway.configure(OwnTimerLinesMigrationTest.class.getClassLoader()).dataSource(url, "sa", "")
                .locations(SchemaMigrator.LOCATION).javaMigrations(SchemaMigrator.javaMigrations(sealer))
                .target(target).load();
    }
}
