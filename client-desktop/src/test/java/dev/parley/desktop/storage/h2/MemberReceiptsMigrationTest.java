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
 * V81 drops the cascading foreign key from members' receipts to their message (H2 parsed the cascade's DELETE once per
 * removed message): a profile of V80 keeps every message and receipt, and the constraint is gone.
 */
class MemberReceiptsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void receiptsAndMessagesStayAndTheCascadeIsGone() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("receipts").toAbsolutePath();
        try (SecretSealer sealer = SecretSealer.forFileKey(CryptoProviders.preferred(), TestKeys.key(1));
             Connection c = DriverManager.getConnection(url, "sa", "")) {
            flyway(url, sealer, "80").migrate();
            try (Statement s = c.createStatement()) {
                for (int seq = 1; seq <= 3; seq++) {
                    s.execute("INSERT INTO messages (seq, message_id, conversation_id, direction, sender, sent_at, "
                            + "body, state, unread) VALUES (" + seq + ", 'g" + seq + "', '#group', 'OUTGOING', 'me', "
                            + seq + ", 'hello " + seq + "', 'SENT', FALSE)");
                }
                s.execute("INSERT INTO group_member_receipts (message_id, member, delivered_at, read_at) VALUES "
                        + "('g1', 'bob', 10, 20), ('g1', 'carol', 11, NULL), ('g3', 'bob', 12, 22)");
                assertThat(constraints(s)).as("before V81").contains("GROUP_MEMBER_RECEIPTS_MESSAGE");
            }
            flyway(url, sealer, "81").migrate();
            try (Statement s = c.createStatement()) {
                assertThat(rows(s, "SELECT message_id || ' ' || body FROM messages ORDER BY seq"))
                        .containsExactly("g1 hello 1", "g2 hello 2", "g3 hello 3");
                assertThat(rows(s, "SELECT message_id || ' ' || member || ' ' || delivered_at || ' ' "
                        + "|| COALESCE(CAST(read_at AS VARCHAR), '-') FROM group_member_receipts "
                        + "ORDER BY message_id, member"))
                        .containsExactly("g1 bob 10 20", "g1 carol 11 -", "g3 bob 12 22");
                assertThat(constraints(s)).doesNotContain("GROUP_MEMBER_RECEIPTS_MESSAGE")
                        .contains("GROUP_MEMBER_RECEIPTS_PK");
            }
        }
    }

    private static List<String> constraints(Statement s) throws Exception {
        return rows(s, "SELECT UPPER(constraint_name) FROM information_schema.table_constraints "
                + "WHERE UPPER(table_name) = 'GROUP_MEMBER_RECEIPTS'");
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Flyway flyway(String url, SecretSealer sealer, String target) {
        return Flyway.configure(MemberReceiptsMigrationTest.class.getClassLoader()).dataSource(url, "sa", "")
                .locations(SchemaMigrator.LOCATION).javaMigrations(SchemaMigrator.javaMigrations(sealer))
                .target(target).load();
    }
}
