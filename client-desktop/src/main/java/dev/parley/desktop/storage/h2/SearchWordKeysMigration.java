package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MigrationProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V80 (issues #12 and #17: the sweep, history import and restore spent most of their time on search words):
 * the words move from V68's {@code message_words(word_key, seq, token)} with its index {@code (token, word_key DESC)}
 * (two B-tree entries per word, one of them with the word's text) to {@link SearchWordKeys}' one-column
 * {@code message_word_keys(k)} (one entry per word, a number). The words are moved a range of
 * {@value #DEFAULT_RANGE} sequence numbers at a time through the old table's own key: each range's keys are computed
 * from its stored words, sorted, inserted, and the range deleted from the old table, in one transaction per range.
 * So memory stays bounded, and a run stopped halfway (a crash) leaves every word in exactly one of the two tables: a
 * rerun goes on with what the old table still holds. The old table is dropped at the end; a run that finds it gone has
 * nothing left to do. Reports each range to its {@link MigrationProgress}.
 */
final class SearchWordKeysMigration extends ProfileJavaMigration {
    static final String VERSION = "80";
    static final String STEP = "Compacting the search index";
    /** Sequence numbers moved per range. */
    static final long DEFAULT_RANGE = 4_096;

    private final MigrationProgress progress;
    private final long range;

    SearchWordKeysMigration(MigrationProgress progress) {
        this(progress, DEFAULT_RANGE);
    }

    SearchWordKeysMigration(MigrationProgress progress, long range) {
        super(VERSION, "search word keys");
        this.progress = progress;
        this.range = range;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS message_word_keys (k BIGINT PRIMARY KEY)");
        }
        if (!MessageWordsMigration.exists(c, "MESSAGE_WORDS")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            // the moved ranges are deleted through the table's key; the token index would only slow that down
            s.execute("DROP INDEX IF EXISTS message_words_newest");
        }
        commit(c);
        move(c);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE message_words");
        }
    }

    private void move(Connection c) throws SQLException {
        long total = count(c);
        long done = 0;
        progress.update(STEP, done, total);
        try (PreparedStatement first = c.prepareStatement(
                "SELECT word_key FROM message_words ORDER BY word_key LIMIT 1");
             PreparedStatement read = c.prepareStatement(
                     "SELECT seq, token FROM message_words WHERE word_key >= ? AND word_key < ?");
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM message_words WHERE word_key >= ? AND word_key < ?")) {
            while (true) {
                long from;
                try (ResultSet rs = first.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    from = rs.getLong(1) >> MessageWordsMigration.WORD_BITS;
                }
                long lowKey = from << MessageWordsMigration.WORD_BITS;
                long highKey = (from + range) << MessageWordsMigration.WORD_BITS;
                long[] keys = new long[64];
                int n = 0;
                read.setLong(1, lowKey);
                read.setLong(2, highKey);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        if (n == keys.length) {
                            keys = java.util.Arrays.copyOf(keys, n * 2);
                        }
                        keys[n++] = SearchWordKeys.key(SearchWordKeys.hash(rs.getString(2)), rs.getLong(1));
                    }
                }
                // two words of one message may share a hash: one key
                SearchWordKeys.merge(c, sortedDistinct(keys, n));
                delete.setLong(1, lowKey);
                delete.setLong(2, highKey);
                delete.executeUpdate();
                commit(c);
                done += n;
                progress.update(STEP, done, total);
            }
        }
    }

    private static long[] sortedDistinct(long[] keys, int n) {
        long[] sorted = java.util.Arrays.copyOf(keys, n);
        java.util.Arrays.sort(sorted);
        return java.util.Arrays.stream(sorted).distinct().toArray();
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM message_words")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
