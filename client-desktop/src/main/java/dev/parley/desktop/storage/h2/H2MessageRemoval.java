package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes a set of messages entirely, set-based: a bounded number of statements whatever the number of messages (one
 * read of the rows, one DELETE per dependent table by {@code = ANY(array)}, one DELETE of the rows, each in slices of
 * {@value #SLICE} ids), plus one update per conversation whose newest message may have gone. The search words go by
 * key range ({@link MessageWords#delete}: one range per run of consecutive sequence numbers); the other statements
 * are an index lookup per id through primary keys and {@code messages_quoted}. The slices keep H2's re-check of each
 * row found against the array (a linear scan of the array) short.
 */
final class H2MessageRemoval {
    static final int SLICE = 64;
    private static final String[] DEPENDENTS_BY_ID = {
        "DELETE FROM message_versions WHERE message_id = ANY(?)",
        "DELETE FROM reactions WHERE message_id = ANY(?)",
        "DELETE FROM attachments WHERE message_id = ANY(?)",
        // the snippets replies copied from a removed message
        "UPDATE messages SET quoted_snippet = NULL WHERE quoted_id = ANY(?) AND quoted_snippet IS NOT NULL",
    };

    private H2MessageRemoval() {
    }

    /** Removes the messages that exist among {@code ids}; returns them by conversation, in the order given. */
    static Map<ConversationId, List<MessageId>> remove(Connection c, Collection<MessageId> ids) throws SQLException {
        Map<ConversationId, List<MessageId>> removed = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return removed;
        }
        Object[] idValues = ids.stream().map(MessageId::value).toArray();
        Map<String, ConversationId> found = new LinkedHashMap<>();
        List<Long> seqs = new ArrayList<>(ids.size());
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, message_id, conversation_id FROM messages WHERE message_id = ANY(?)")) {
            for (int from = 0; from < idValues.length; from += SLICE) {
                ps.setArray(1, c.createArrayOf("CHARACTER VARYING",
                        java.util.Arrays.copyOfRange(idValues, from, Math.min(idValues.length, from + SLICE))));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (found.put(rs.getString(2), new ConversationId(rs.getString(3))) == null) {
                            seqs.add(rs.getLong(1));
                        }
                    }
                }
            }
        }
        if (seqs.isEmpty()) {
            return removed;
        }
        List<String> foundIds = new ArrayList<>(found.keySet());
        MessageWords.delete(c, seqs.stream().mapToLong(Long::longValue).toArray());
        for (int from = 0; from < seqs.size(); from += SLICE) {
            int to = Math.min(seqs.size(), from + SLICE);
            Array seqArray = c.createArrayOf("BIGINT", seqs.subList(from, to).toArray());
            Array idArray = c.createArrayOf("CHARACTER VARYING", foundIds.subList(from, to).toArray());
            for (String sql : DEPENDENTS_BY_ID) {
                execute(c, sql, idArray);
            }
            execute(c, "DELETE FROM messages WHERE seq = ANY(?)", seqArray);
        }
        for (MessageId id : ids) {
            ConversationId conversation = found.remove(id.value());
            if (conversation != null) {
                removed.computeIfAbsent(conversation, k -> new ArrayList<>()).add(id);
            }
        }
        // the newest remaining message through messages_history in index order (MAX(seq) aggregated every row)
        try (PreparedStatement ps = c.prepareStatement("UPDATE conversations SET last_seq = (SELECT seq FROM messages "
                + "WHERE conversation_id = ? ORDER BY conversation_id, seq DESC FETCH FIRST 1 ROW ONLY) "
                + "WHERE conversation_id = ?")) {
            for (ConversationId conversation : removed.keySet()) {
                ps.setString(1, conversation.value());
                ps.setString(2, conversation.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return removed;
    }

    private static void execute(Connection c, String sql, Array values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, values);
            ps.executeUpdate();
        }
    }
}
