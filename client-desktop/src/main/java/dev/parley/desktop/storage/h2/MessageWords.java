package dev.parley.desktop.storage.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;

/**
 * The search index {@code message_words} (client migration V68): one row per distinct word of a message, keyed by
 * {@code word_key = seq * 2^20 + n} (n numbers the message's words from 0), with one secondary index
 * {@code message_words_newest (token, word_key DESC)} for the newest-first scan of a word. A message's words are thus
 * one contiguous key range of the table itself: storing, replacing or removing them touches the table's pages in key
 * order and one index, and removing any number of messages is one range delete per run of consecutive sequence numbers.
 *
 * <p>2^20 words per message cannot be reached: a text holds at most 65,536 characters, NFKC expands a character to at
 * most 18, and every word takes at least 3 characters (2 letters and a separator), so at most 393,216 distinct words.
 */
final class MessageWords {
    /** Bits of {@code word_key} that number the words of one message. */
    static final int WORD_BITS = 20;
    static final long WORDS_PER_MESSAGE = 1L << WORD_BITS;
    static final String INSERT_SQL = "INSERT INTO message_words (word_key, seq, token) VALUES (?, ?, ?)";
    private static final String DELETE_SQL = "DELETE FROM message_words WHERE word_key >= ? AND word_key < ?";

    private MessageWords() {
    }

    /** The first key of message {@code seq}'s words. */
    static long firstKey(long seq) {
        return seq << WORD_BITS;
    }

    /** Adds the rows of {@code tokens} for message {@code seq} to {@code insert}'s batch ({@link #INSERT_SQL}). */
    static boolean addBatch(PreparedStatement insert, long seq, Collection<String> tokens) throws SQLException {
        if (tokens.size() > WORDS_PER_MESSAGE) {
            throw new IllegalStateException("a text has more distinct words than can be indexed");
        }
        long key = firstKey(seq);
        for (String token : tokens) {
            insert.setLong(1, key++);
            insert.setLong(2, seq);
            insert.setString(3, token);
            insert.addBatch();
        }
        return !tokens.isEmpty();
    }

    /** One row of {@code message_words}. */
    record Word(long key, long seq, String token) {
    }

    /** Adds the rows of {@code tokens} for message {@code seq} to {@code into}. */
    static void collect(java.util.List<Word> into, long seq, Collection<String> tokens) {
        if (tokens.size() > WORDS_PER_MESSAGE) {
            throw new IllegalStateException("a text has more distinct words than can be indexed");
        }
        long key = firstKey(seq);
        for (String token : tokens) {
            into.add(new Word(key++, seq, token));
        }
    }

    /** Order of the index {@code message_words_newest (token, word_key DESC)}. */
    private static final java.util.Comparator<Word> INDEX_ORDER = java.util.Comparator.comparing(Word::token)
            .thenComparing(java.util.Comparator.comparingLong(Word::key).reversed());

    /**
     * Adds {@code words} to {@code insert}'s batch ({@link #INSERT_SQL}) in the order of the word index, so a large
     * batch walks that index's pages once, in order, instead of jumping between them for every word (#17: the index
     * of a large history does not fit the page cache, and each jump re-read and re-decrypted a page).
     */
    static boolean addBatchInIndexOrder(PreparedStatement insert, java.util.List<Word> words) throws SQLException {
        java.util.List<Word> sorted = new java.util.ArrayList<>(words);
        sorted.sort(INDEX_ORDER);
        for (Word w : sorted) {
            insert.setLong(1, w.key());
            insert.setLong(2, w.seq());
            insert.setString(3, w.token());
            insert.addBatch();
        }
        return !sorted.isEmpty();
    }

    /** Stores the words of one message (its text's {@code tokens}). */
    static void insert(Connection c, long seq, Collection<String> tokens) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_SQL)) {
            if (addBatch(ps, seq, tokens)) {
                ps.executeBatch();
            }
        }
    }

    /**
     * Removes every word of the messages {@code seqs} (any order, duplicates allowed): one range delete per run of
     * consecutive sequence numbers, each a scan of the table's own key range.
     */
    static void delete(Connection c, long... seqs) throws SQLException {
        if (seqs.length == 0) {
            return;
        }
        long[] sorted = seqs.clone();
        Arrays.sort(sorted);
        try (PreparedStatement ps = c.prepareStatement(DELETE_SQL)) {
            int start = 0;
            for (int i = 1; i <= sorted.length; i++) {
                if (i == sorted.length || sorted[i] > sorted[i - 1] + 1) {
                    ps.setLong(1, firstKey(sorted[start]));
                    ps.setLong(2, firstKey(sorted[i - 1] + 1));
                    ps.addBatch();
                    start = i;
                }
            }
            ps.executeBatch();
        }
    }
}
