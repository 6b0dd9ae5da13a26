package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

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

/** V5 moves a profile's existing messages into recorded conversations of kind DIRECT, their history untouched. */
class ConversationKindsMigrationTest {

    @Test
    void existingConversationsBecomeDirectAndEveryMessageBelongsToOne(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("profile").toAbsolutePath();
        migrate(url, "4");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO messages (seq, message_id, conversation_id, direction, sender, sent_at, body, state, unread) "
                    + "VALUES (1, 'aa01', 'bob', 'OUTGOING', 'alice', 1, 'hi bob', 'SENT', FALSE), "
                    + "(2, 'aa02', 'bob', 'INCOMING', 'bob', 2, 'hi alice', 'DELIVERED', TRUE), "
                    + "(3, 'aa03', 'carol', 'INCOMING', 'carol', 3, 'no summary row', 'DELIVERED', TRUE)");
            s.execute("INSERT INTO conversations (conversation_id, last_seq) VALUES ('bob', 2)");
        }

        migrate(url, "latest");

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT conversation_id, kind, last_seq FROM conversations ORDER BY conversation_id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
            }
            assertThat(rows).containsExactly("bob DIRECT 2", "carol DIRECT 3");
            try (ResultSet count = s.executeQuery("SELECT COUNT(*) FROM messages")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(3);
            }
            s.execute("INSERT INTO conversations (conversation_id, kind) VALUES ('dave', 'DIRECT')");
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure(ConversationKindsMigrationTest.class.getClassLoader()).dataSource(url, "sa", "")
                .locations(SchemaMigrator.LOCATION).target(target).load().migrate();
    }
}
