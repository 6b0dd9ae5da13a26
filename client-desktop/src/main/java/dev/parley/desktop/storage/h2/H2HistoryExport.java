package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.history.HistoryRows;
import dev.parley.desktop.storage.history.HistoryRowsCodec;
import dev.parley.desktop.storage.history.HistoryTransferStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one slice of the history for a new device: messages below a position, newest first, until the slice's
 * encoded size would pass its budget; each with its edit versions, reactions and attachment row, and the slice's
 * conversations and group states. One slice is in memory at a time. Messages are read {@value #FETCH} at a time,
 * and the dependents of each such page in one statement per table ({@link HistoryDependents}), not per message.
 */
final class H2HistoryExport {
    private static final int FETCH = 64;
    private static final String MESSAGE_COLUMNS = "seq, message_id, conversation_id, direction, sender, sent_at, "
            + "received_at, body, state, failure_reason, unread, deleted, edit_count, edited_at, quoted_id, "
            + "quoted_author, quoted_snippet, expires_at, kind, relay_accepted_at, delivered_at, read_at";
    /** Fixed bytes of a conversation record beyond its id and kind, and of the three lists' counts. */
    private static final int OVERHEAD = 32;

    private H2HistoryExport() {
    }

    static HistoryTransferStore.Slice slice(Connection c, long below, int maxBytes) throws SQLException {
        List<HistoryRows.Message> messages = new ArrayList<>();
        Map<String, HistoryRows.Conversation> conversations = new LinkedHashMap<>();
        Map<String, HistoryRows.GroupState> groups = new LinkedHashMap<>();
        int size = OVERHEAD;
        long lowest = below;
        boolean full = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE seq < ? AND "
                + H2HistoryTransferStore.CARRIED + " ORDER BY seq DESC LIMIT " + FETCH)) {
            while (!full) {
                ps.setLong(1, lowest);
                List<Long> seqs = new ArrayList<>(FETCH);
                List<HistoryRows.Message> page = new ArrayList<>(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seqs.add(rs.getLong("seq"));
                        page.add(message(rs));
                    }
                }
                HistoryDependents dependents = HistoryDependents.of(c, page);
                for (int i = 0; i < page.size(); i++) {
                    HistoryRows.Message m = dependents.attach(page.get(i));
                    int more = HistoryRowsCodec.size(m);
                    HistoryRows.Conversation conversation = conversations.containsKey(m.conversationId()) ? null
                            : conversation(c, m.conversationId());
                    HistoryRows.GroupState group = conversation == null || !m.conversationId().startsWith("#")
                            ? null : group(c, m.conversationId().substring(1));
                    more += conversation == null ? 0 : OVERHEAD + conversation.id().length() * 4 + 16;
                    more += group == null ? 0 : group.state().length + group.changeHash().length
                            + (group.previous() == null ? 0 : group.previous().length) + OVERHEAD;
                    if (!messages.isEmpty() && size + more > maxBytes) {
                        full = true;
                        break;
                    }
                    if (messages.isEmpty() && size + more > maxBytes) {
                        m = withoutVersions(m);   // a message larger than the budget goes alone
                        group = null;
                    }
                    size += more;
                    messages.add(m);
                    lowest = seqs.get(i);
                    if (conversation != null) {
                        conversations.put(conversation.id(), conversation);
                    }
                    if (group != null) {
                        groups.put(group.groupId(), group);
                    }
                }
                if (page.size() < FETCH) {
                    break;
                }
            }
        }
        return new HistoryTransferStore.Slice(new HistoryRows(List.copyOf(groups.values()),
                List.copyOf(conversations.values()), messages), lowest, olderExist(c, lowest));
    }

    private static boolean olderExist(Connection c, long below) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM messages WHERE seq < ? AND "
                + H2HistoryTransferStore.CARRIED + " LIMIT 1")) {
            ps.setLong(1, below);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A message's own row; its versions, reactions and attachment come from {@link HistoryDependents}. */
    private static HistoryRows.Message message(ResultSet rs) throws SQLException {
        return new HistoryRows.Message(rs.getString("message_id"), rs.getString("conversation_id"),
                rs.getString("direction"), rs.getString("sender"), rs.getLong("sent_at"),
                nullableLong(rs, "received_at"), rs.getString("body"), rs.getString("state"),
                rs.getString("failure_reason"), rs.getBoolean("unread"), rs.getBoolean("deleted"),
                rs.getInt("edit_count"), nullableLong(rs, "edited_at"), rs.getString("quoted_id"),
                rs.getString("quoted_author"), rs.getString("quoted_snippet"), nullableLong(rs, "expires_at"),
                rs.getString("kind"), nullableLong(rs, "relay_accepted_at"), nullableLong(rs, "delivered_at"),
                nullableLong(rs, "read_at"), List.of(), List.of(), null);
    }

    private static HistoryRows.Message withoutVersions(HistoryRows.Message m) {
        return new HistoryRows.Message(m.messageId(), m.conversationId(), m.direction(), m.sender(), m.sentAt(),
                m.receivedAt(), m.body(), m.state(), m.failureReason(), m.unread(), m.deleted(), m.editCount(),
                m.editedAt(), m.quotedId(), m.quotedAuthor(), m.quotedSnippet(), m.expiresAt(), m.kind(),
                m.relayAcceptedAt(), m.deliveredAt(), m.readAt(), List.of(), m.reactions(), m.attachment());
    }

    private static HistoryRows.Conversation conversation(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, expire_seconds, muted, archived FROM conversations "
                + "WHERE conversation_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new HistoryRows.Conversation(id, id.startsWith("#") ? "GROUP" : "DIRECT", 0, false, false);
                }
                return new HistoryRows.Conversation(id, rs.getString(1), rs.getLong(2), rs.getBoolean(3),
                        rs.getBoolean(4));
            }
        }
    }

    private static HistoryRows.GroupState group(Connection c, String groupId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, previous, change_hash, active FROM group_states WHERE group_id = ?")) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new HistoryRows.GroupState(groupId, rs.getBytes(1), rs.getBytes(2), rs.getBytes(3),
                        rs.getBoolean(4)) : null;
            }
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
