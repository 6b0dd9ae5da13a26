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
import java.util.Set;

/**
 * Search over {@link H2MessageStore}'s messages through {@link SearchWordKeys}' {@code message_word_keys}. The rarest
 * query word (estimated by a bounded count of its keys) drives: its key range is read in key order, which is newest
 * message first, a page at a time, and every other word is checked by a point look-up of its key for the same message.
 * The candidates' rows are then read by sequence number (and conversation, if asked), and each body is tokenized again
 * so that a message found only through words that share a hash with the query's is dropped. The cost grows with the
 * candidates looked at, not with the size of the history.
 */
final class H2MessageSearch {
    /** Keys counted per word when choosing the rarest word of a query. */
    static final int FREQUENCY_PROBE = 2_000;
    /** The most candidates read per page. */
    private static final int MAX_PAGE = 1_024;

    private H2MessageSearch() {
    }

    static List<Message> search(Connection c, String query, Optional<ConversationId> within, int limit)
            throws StorageException {
        StoreArguments.checkLimit(limit);
        Set<String> queryWords = SearchTokenizer.tokens(query);
        List<String> words = new ArrayList<>(queryWords);
        if (words.isEmpty()) {
            return List.of();
        }
        try {
            if (words.size() > 1) {
                orderByEstimatedFrequency(c, words);
            }
            long driving = SearchWordKeys.hash(words.get(0));
            long[] deltas = new long[words.size() - 1];
            for (int i = 1; i < words.size(); i++) {
                deltas[i - 1] = (SearchWordKeys.hash(words.get(i)) - driving) << SearchWordKeys.POSITION_BITS;
            }
            List<Message> out = new ArrayList<>();
            long from = SearchWordKeys.rangeStart(driving);
            long end = SearchWordKeys.rangeStart(driving + 1);
            int page = Math.min(MAX_PAGE, limit + 16);
            try (PreparedStatement keys = c.prepareStatement(candidatesSql(deltas.length));
                 PreparedStatement rows = c.prepareStatement(rowsSql(within.isPresent()))) {
                while (out.size() < limit) {
                    List<Long> candidates = candidates(keys, from, end, deltas, page);
                    if (candidates.isEmpty()) {
                        break;
                    }
                    Map<Long, Message> found = rows(c, rows, candidates, within);
                    for (long k : candidates) {
                        Message m = found.get(SearchWordKeys.seq(k));
                        // words that only share a hash with the query's are no match
                        if (m != null && SearchTokenizer.tokens(m.body()).containsAll(queryWords)) {
                            out.add(m);
                            if (out.size() == limit) {
                                break;
                            }
                        }
                    }
                    if (candidates.size() < page) {
                        break;
                    }
                    from = candidates.get(candidates.size() - 1) + 1;
                    page = Math.min(MAX_PAGE, page * 2);
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("searching messages", e);
        }
    }

    /**
     * Parameters: the driving word's key range (from, end), the key distance to each other word's key of the same
     * message, the page size. Reads the primary key in order and stops after the page.
     */
    static String candidatesSql(int otherWords) {
        StringBuilder sql = new StringBuilder("SELECT t0.k FROM message_word_keys t0 WHERE t0.k >= ? AND t0.k < ?");
        for (int i = 1; i <= otherWords; i++) {
            String t = "t" + i;
            sql.append(" AND EXISTS (SELECT 1 FROM message_word_keys ").append(t).append(" WHERE ").append(t)
                    .append(".k = t0.k + ?)");
        }
        return sql.append(" ORDER BY t0.k LIMIT ?").toString();
    }

    /** Parameters: the sequence numbers (an array), the conversation if {@code within}. */
    static String rowsSql(boolean within) {
        return "SELECT " + MessageRows.COLUMNS + " FROM messages m WHERE m.seq = ANY(?)"
                + (within ? " AND m.conversation_id = ?" : "") + " AND " + PendingErasures.visible("m");
    }

    private static List<Long> candidates(PreparedStatement ps, long from, long end, long[] deltas, int page)
            throws SQLException {
        int index = 1;
        ps.setLong(index++, from);
        ps.setLong(index++, end);
        for (long delta : deltas) {
            ps.setLong(index++, delta);
        }
        ps.setInt(index, page);
        List<Long> out = new ArrayList<>(page);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static Map<Long, Message> rows(Connection c, PreparedStatement ps, List<Long> candidates,
                                           Optional<ConversationId> within) throws SQLException {
        Map<Long, Message> found = new HashMap<>();
        // slices keep H2's re-check of each row against the array short
        for (int from = 0; from < candidates.size(); from += H2MessageRemoval.SLICE) {
            List<Long> slice = candidates.subList(from, Math.min(candidates.size(), from + H2MessageRemoval.SLICE));
            Object[] seqs = new Object[slice.size()];
            for (int i = 0; i < seqs.length; i++) {
                seqs[i] = SearchWordKeys.seq(slice.get(i));
            }
            ps.setArray(1, c.createArrayOf("BIGINT", seqs));
            if (within.isPresent()) {
                ps.setString(2, within.get().value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Message m = MessageRows.read(rs);
                    found.put(m.cursor().sequence(), m);
                }
            }
        }
        return found;
    }

    /**
     * Puts the rarest word first, so it drives the scan: counts each word's keys up to {@link #FREQUENCY_PROBE} (a
     * bounded read of its key range), breaking ties by length (longer words are rarer).
     */
    private static void orderByEstimatedFrequency(Connection c, List<String> words) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM message_word_keys "
                + "WHERE k >= ? AND k < ? LIMIT " + FREQUENCY_PROBE + ")")) {
            for (String word : words) {
                long hash = SearchWordKeys.hash(word);
                ps.setLong(1, SearchWordKeys.rangeStart(hash));
                ps.setLong(2, SearchWordKeys.rangeStart(hash + 1));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(word, rs.getInt(1));
                }
            }
        }
        words.sort(Comparator.comparingInt((String w) -> counts.get(w))
                .thenComparing(Comparator.comparingInt(String::length).reversed()));
    }
}
