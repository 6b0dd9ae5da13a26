package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MigrationProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V68 (issue #12, disappearing sweep and pickup): the search words move from {@code message_tokens(token,
 * seq)} (a hidden row id, a unique (token, seq) index and V61's seq index: three index entries per word) to
 * {@code message_words(word_key, seq, token)}, keyed by the message's sequence number (two entries per word, and a
 * message's words are one key range). The words are copied a range of sequence numbers at a time (through V61's seq
 * index), numbered within each message, so memory stays bounded whatever the history's size. A Java migration because
 * SQL would need a window function over the whole table (held in memory by H2). Each range is committed on its own:
 * one transaction of a million rows made H2's commit walk an undo log far larger than its page cache (minutes for a
 * 100,000-message history); the walk over the ranges is {@link SeqRangeCopy}, which reports each range to the unlock
 * screen. It can therefore stop halfway (a crash): the old table is dropped last, so a rerun starts
 * the copy again from an empty new table, and a run that finds the old table gone (it ended just before Flyway
 * recorded it) has nothing left to do. V80 ({@link SearchWordKeysMigration}) replaced this table.
 */
final class MessageWordsMigration extends ProfileJavaMigration {
    static final String VERSION = "68";
    /** Bits of {@code word_key} that number the words of one message ({@code word_key = seq * 2^20 + n}). */
    static final int WORD_BITS = 20;
    private static final String INSERT_SQL = "INSERT INTO message_words (word_key, seq, token) VALUES (?, ?, ?)";
    /** Sequence numbers copied per range. */
    private static final long RANGE = 4_096;
    /** What the unlock screen is told while the words are copied. */
    static final String STEP = "Updating the search index";

    private final MigrationProgress progress;

    MessageWordsMigration() {
        this(MigrationProgress.NONE);
    }

    /** Reports after every range of sequence numbers copied. */
    MessageWordsMigration(MigrationProgress progress) {
        super(VERSION, "message words by seq");
        this.progress = java.util.Objects.requireNonNull(progress, "progress");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!exists(c, "MESSAGE_TOKENS")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS message_words");
            s.execute("CREATE TABLE message_words (word_key BIGINT PRIMARY KEY, seq BIGINT NOT NULL, "
                    + "token CHARACTER VARYING(" + dev.parley.desktop.storage.SearchTokenizer.MAX_TOKEN_CHARS
                    + ") NOT NULL)");
        }
        copy(c);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX message_words_newest ON message_words (token, word_key DESC)");
            s.execute("DROP TABLE message_tokens");
        }
    }

    /** Adds the rows of {@code tokens} for message {@code seq} to {@code insert}'s batch. */
    private static boolean addBatch(PreparedStatement insert, long seq, List<String> tokens) throws SQLException {
        long key = seq << WORD_BITS;
        for (String token : tokens) {
            insert.setLong(1, key++);
            insert.setLong(2, seq);
            insert.setString(3, token);
            insert.addBatch();
        }
        return !tokens.isEmpty();
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private void copy(Connection c) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(
                "SELECT seq, token FROM message_tokens WHERE seq >= ? AND seq < ? ORDER BY seq, token");
             PreparedStatement insert = c.prepareStatement(INSERT_SQL)) {
            new SeqRangeCopy("message_tokens", "seq", RANGE).run(c, STEP, progress, (from, to) -> {
                read.setLong(1, from);
                read.setLong(2, to);
                long seq = from;
                List<String> tokens = new ArrayList<>();
                boolean any = false;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(1) != seq) {
                            any |= addBatch(insert, seq, tokens);
                            tokens.clear();
                            seq = rs.getLong(1);
                        }
                        tokens.add(rs.getString(2));
                    }
                }
                any |= addBatch(insert, seq, tokens);
                if (any) {
                    insert.executeBatch();
                }
            });
        }
    }
}
