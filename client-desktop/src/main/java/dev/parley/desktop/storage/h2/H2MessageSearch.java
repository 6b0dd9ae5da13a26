package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.SearchTokenizer;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Search over {@link H2MessageStore}'s messages (split out of it): the word table {@code message_words}
 * ({@link MessageWords}, index {@code (token, word_key DESC)}). The rarest query word (estimated by a bounded count of
 * its index entries) drives a newest-first scan of its index range and every other word is checked by an index lookup,
 * so the cost grows with the number of candidate messages looked at, not with the size of the history. The query
 * orders by the index's columns ({@code token, word_key DESC}) so that H2 reads the index in order and stops after the
 * limit instead of sorting every match.
 */
final class H2MessageSearch {
    /** Index entries counted per word when choosing the rarest word of a query. */
    static final int FREQUENCY_PROBE = 2_000;

    private H2MessageSearch() {
    }

    static List<Message> search(Connection c, String query, Optional<ConversationId> within, int limit)
            throws StorageException {
        StoreArguments.checkLimit(limit);
        List<String> words = new ArrayList<>(SearchTokenizer.tokens(query));
        if (words.isEmpty()) {
            return List.of();
        }
        if (words.size() > 1) {
            orderByEstimatedFrequency(c, words);
        }
        try (PreparedStatement ps = c.prepareStatement(searchSql(words.size(), within.isPresent()))) {
            int index = 1;
            for (String word : words) {
                ps.setString(index++, word);
            }
            if (within.isPresent()) {
                ps.setString(index++, within.get().value());
            }
            ps.setInt(index, limit);
            List<Message> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(MessageRows.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("searching messages", e);
        }
    }

    /** Parameters: the words (driving word first), the conversation if {@code within}, the limit. */
    static String searchSql(int words, boolean within) {
        StringBuilder sql = new StringBuilder("SELECT ").append(MessageRows.COLUMNS)
                .append(" FROM message_words t0 USE INDEX (message_words_newest)")
                .append(" JOIN messages m ON m.seq = t0.seq WHERE t0.token = ?");
        for (int i = 1; i < words; i++) {
            // the word among the message's own words: its key range in message_words_newest
            String t = "t" + i;
            sql.append(" AND EXISTS (SELECT 1 FROM message_words ").append(t).append(" WHERE ").append(t)
                    .append(".token = ? AND ").append(t).append(".word_key >= t0.seq * ").append(MessageWords.WORDS_PER_MESSAGE)
                    .append(" AND ").append(t).append(".word_key < (t0.seq + 1) * ")
                    .append(MessageWords.WORDS_PER_MESSAGE).append(")");
        }
        if (within) {
            sql.append(" AND m.conversation_id = ?");
        }
        return sql.append(" ORDER BY t0.token, t0.word_key DESC LIMIT ?").toString();
    }

    /**
     * Puts the rarest word first, so it drives the scan: counts each word's index entries up to
     * {@link #FREQUENCY_PROBE} (a bounded index range read), breaking ties by length (longer words are rarer).
     */
    private static void orderByEstimatedFrequency(Connection c, List<String> words) throws StorageException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM message_words "
                + "WHERE token = ? LIMIT " + FREQUENCY_PROBE + ")")) {
            for (String word : words) {
                ps.setString(1, word);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(word, rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("searching messages", e);
        }
        words.sort(Comparator.comparingInt((String w) -> counts.get(w))
                .thenComparing(Comparator.comparingInt(String::length).reversed()));
    }
}
