package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.EventPublisher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page-of-reactions query looks each id up in the primary key instead of scanning every reaction (checks the plan). */
class ReactionPagePlanTest {
    @TempDir
    Path dir;

    @Test
    void aPageOfReactionsUsesThePrimaryKey() throws Exception {
        Path base = dir.resolve("data-1");
        H2Storage.create(base, TestKeys.key(1), EventPublisher.NONE).close();
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, true, TestKeys.key(1));
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + H2ReactionStore.PAGE_SQL)) {
            ps.setArray(1, c.createArrayOf("CHARACTER VARYING", new Object[] {"a1", "a2"}));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).contains("PRIMARY_KEY").contains("MESSAGE_ID IN(").doesNotContain("tableScan");
            }
        }
    }
}
