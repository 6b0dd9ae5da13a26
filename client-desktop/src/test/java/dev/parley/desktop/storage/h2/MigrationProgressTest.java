package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.storage.EventPublisher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration progress at unlock: a profile database at V67 with the search words of 6,000 messages (two of V68's
 * copy ranges and part of a third, with a gap) is opened through {@link H2Storage#open} as the unlock does; the
 * progress starts before anything is applied, grows monotonically, reaches its total exactly once at the end, and
 * every word arrives in the new table.
 */
class MigrationProgressTest {
    @TempDir
    Path dir;

    record Report(String step, long done, long total) {
    }

    @Test
    void anOldHistoryMigratesAtUnlockWithMonotonicProgressEndingAtItsTotal() throws Exception {
        Path base = dir.resolve("profile");
        DatabaseFiles files = DatabaseFiles.of(base);
        try (Connection c = TestKeys.connect(files, true, false, TestKeys.key(1))) {
            OldProfiles.migrateTo(files, TestKeys.key(1), "67");
            try (Statement s = c.createStatement()) {
                // messages 1-3,000 and 5,001-8,000: three words each
                s.execute("INSERT INTO message_tokens (token, seq) SELECT w.t, r.x FROM SYSTEM_RANGE(1, 8000) r, "
                        + "(VALUES 'apple', 'mango', 'zebra') w(t) WHERE r.x <= 3000 OR r.x > 5000");
            }
        }
        List<Report> reports = new ArrayList<>();
        H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE, CryptoProviders.preferred(),
                (step, done, total) -> reports.add(new Report(step, done, total))).close();

        assertThat(reports.get(0)).as("before anything is applied").isEqualTo(new Report(SchemaMigrator.STEP, 0, 0));
        List<Report> words = reports.stream().filter(r -> r.step().equals(MessageWordsMigration.STEP)).toList();
        assertThat(words).hasSizeGreaterThanOrEqualTo(3);
        assertThat(words).extracting(Report::total).containsOnly(8000L);
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).done()).as("report %d", i).isGreaterThanOrEqualTo(words.get(i - 1).done());
        }
        assertThat(words.get(0).done()).isZero();
        assertThat(words.get(words.size() - 1).done()).isEqualTo(8000L);
        assertThat(words.stream().filter(r -> r.done() == r.total())).as("reaches the total once").hasSize(1);
        // V80 then moves the 18,000 words to keys, reporting in words
        List<Report> keys = reports.stream().filter(r -> r.step().equals(SearchWordKeysMigration.STEP)).toList();
        assertThat(keys).extracting(Report::total).containsOnly(18_000L);
        for (int i = 1; i < keys.size(); i++) {
            assertThat(keys.get(i).done()).as("report %d", i).isGreaterThanOrEqualTo(keys.get(i - 1).done());
        }
        assertThat(keys.get(keys.size() - 1).done()).isEqualTo(18_000L);
        assertThat(reports.get(reports.size() - 1)).isEqualTo(keys.get(keys.size() - 1));
        try (Connection c = TestKeys.connect(files, false, false, TestKeys.key(1));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM message_word_keys")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(18_000);
            assertThat(SchemaMigrator.isCurrent(c)).isTrue();
        }
    }

    @Test
    void aCurrentProfileOpensWithoutAnyReport() throws Exception {
        Path base = dir.resolve("current");
        H2Storage.create(base, TestKeys.key(2), EventPublisher.NONE).close();
        List<Report> reports = new ArrayList<>();
        H2Storage.open(base, TestKeys.key(2), EventPublisher.NONE, CryptoProviders.preferred(),
                (step, done, total) -> reports.add(new Report(step, done, total))).close();
        assertThat(reports).isEmpty();
    }
}
