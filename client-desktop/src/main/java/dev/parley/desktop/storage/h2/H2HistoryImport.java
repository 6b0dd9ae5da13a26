package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.history.HistoryRows;
import dev.parley.desktop.storage.history.HistoryTransferStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores one slice of history from another device of the account. A message whose id is already here (received live
 * during the transfer, sent as a transcript, or imported by an earlier attempt) is skipped with its versions,
 * reactions and attachment; conversations and groups already here are kept. Each new message takes a position below
 * every message this profile holds, in the slice's order (newest first), so a transfer that arrives after live
 * messages still reads oldest to newest and positions never collide. A file this device has not downloaded is
 * {@code AVAILABLE}: its body is fetched from the relay on demand while the relay keeps it.
 *
 * <p>Set-based, so a slice costs the same however much history is here already: one indexed look-up of all the
 * slice's message ids (and one each of its conversations and groups), then one batch per table for the new rows and
 * one for all their search word keys, in key order ({@link SearchWordKeys}). A message comes with its reacted mark
 * set when reactions come with it, a reply that carries a snippet with its {@link MessageQuotes} row, and an unread
 * message with its {@link UnreadMessages} row.
 */
final class H2HistoryImport {
    static final String MESSAGES_HERE_SQL = "SELECT message_id FROM messages WHERE message_id = ANY(?)";
    static final String CONVERSATIONS_HERE_SQL = "SELECT conversation_id FROM conversations WHERE conversation_id = ANY(?)";
    static final String GROUPS_HERE_SQL = "SELECT group_id FROM group_states WHERE group_id = ANY(?)";
    static final String LOWEST_SQL = "SELECT MIN(seq) FROM messages";
    private static final String VARCHAR = "CHARACTER VARYING";

    private H2HistoryImport() {
    }

    static HistoryTransferStore.Imported store(Connection c, HistoryRows rows) throws SQLException {
        groups(c, rows.groups());
        conversations(c, rows.conversations());
        List<HistoryRows.Message> fresh = absent(c, rows.messages());
        if (fresh.isEmpty()) {
            return new HistoryTransferStore.Imported(0, rows.messages().size());
        }
        long next = firstFreeBelow(c);
        Map<String, Long> newest = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO messages (seq, message_id, conversation_id, "
                + "direction, sender, sent_at, received_at, body, state, failure_reason, unread, deleted, edit_count, "
                + "edited_at, quoted_id, quoted_author, quoted_snippet, expires_at, kind, relay_accepted_at, "
                + "delivered_at, read_at, reacted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?)")) {
            SearchWordKeys.Batch words = new SearchWordKeys.Batch();
            MessageQuotes.Batch quotes = new MessageQuotes.Batch();
            UnreadMessages.Batch unread = new UnreadMessages.Batch();
            for (HistoryRows.Message m : fresh) {
                long seq = next--;
                message(insert, seq, m);
                insert.addBatch();
                if ("TEXT".equals(m.kind()) && !m.deleted()) {
                    words.add(seq, m.body());
                }
                quotes.addIfSnippet(seq, m.quotedId(), m.quotedSnippet());
                if (m.unread()) {
                    unread.add(m.conversationId(), seq);
                }
                newest.merge(m.conversationId(), seq, Math::max);
            }
            insert.executeBatch();
            words.insert(c);
            quotes.insert(c);
            unread.insert(c);
        }
        dependents(c, fresh);
        try (PreparedStatement ps = c.prepareStatement("UPDATE conversations SET last_seq = ? WHERE conversation_id = ? "
                + "AND (last_seq IS NULL OR last_seq < ?)")) {
            for (Map.Entry<String, Long> e : newest.entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setString(2, e.getKey());
                ps.setLong(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new HistoryTransferStore.Imported(fresh.size(), rows.messages().size() - fresh.size());
    }

    /** The slice's messages not here yet, in the slice's order, each once (one look-up of all their ids). */
    private static List<HistoryRows.Message> absent(Connection c, List<HistoryRows.Message> messages)
            throws SQLException {
        Set<String> here = here(c, MESSAGES_HERE_SQL, messages.stream().map(HistoryRows.Message::messageId).toList());
        List<HistoryRows.Message> fresh = new ArrayList<>(messages.size());
        for (HistoryRows.Message m : messages) {
            if (here.add(m.messageId())) {
                fresh.add(m);
            }
        }
        return fresh;
    }

    private static void groups(Connection c, List<HistoryRows.GroupState> groups) throws SQLException {
        if (groups.isEmpty()) {
            return;
        }
        Set<String> here = here(c, GROUPS_HERE_SQL, groups.stream().map(HistoryRows.GroupState::groupId).toList());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_states (group_id, state, previous, "
                + "change_hash, active) VALUES (?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (HistoryRows.GroupState g : groups) {
                if (here.add(g.groupId())) {
                    ps.setString(1, g.groupId());
                    ps.setBytes(2, g.state());
                    ps.setBytes(3, g.previous());
                    ps.setBytes(4, g.changeHash());
                    ps.setBoolean(5, g.active());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private static void conversations(Connection c, List<HistoryRows.Conversation> conversations)
            throws SQLException {
        if (conversations.isEmpty()) {
            return;
        }
        Set<String> here = here(c, CONVERSATIONS_HERE_SQL,
                conversations.stream().map(HistoryRows.Conversation::id).toList());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversations (conversation_id, last_seq, "
                + "kind, expire_seconds, muted, archived) VALUES (?, NULL, ?, ?, ?, ?)")) {
            boolean any = false;
            for (HistoryRows.Conversation v : conversations) {
                if (here.add(v.id())) {
                    ps.setString(1, v.id());
                    ps.setString(2, v.kind());
                    ps.setLong(3, v.expireSeconds());
                    ps.setBoolean(4, v.muted());
                    ps.setBoolean(5, v.archived());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    /** Which of {@code keys} the indexed look-up {@code sql} (one array parameter) finds here. */
    private static Set<String> here(Connection c, String sql, List<String> keys) throws SQLException {
        Set<String> here = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf(VARCHAR, keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    here.add(rs.getString(1));
                }
            }
        }
        return here;
    }

    /** The position just below every message here (0 for an empty history). */
    private static long firstFreeBelow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOWEST_SQL);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? 0 : Math.min(min, 1) - 1;
        }
    }

    private static void message(PreparedStatement ps, long seq, HistoryRows.Message m) throws SQLException {
        ps.setLong(1, seq);
        ps.setString(2, m.messageId());
        ps.setString(3, m.conversationId());
        ps.setString(4, m.direction());
        ps.setString(5, m.sender());
        ps.setLong(6, m.sentAt());
        setLong(ps, 7, m.receivedAt());
        ps.setString(8, m.body());
        ps.setString(9, m.state());
        ps.setString(10, m.failureReason());
        ps.setBoolean(11, m.unread());
        ps.setBoolean(12, m.deleted());
        ps.setInt(13, m.editCount());
        setLong(ps, 14, m.editedAt());
        ps.setString(15, m.quotedId());
        ps.setString(16, m.quotedAuthor());
        ps.setString(17, m.quotedSnippet());
        setLong(ps, 18, m.expiresAt());
        ps.setString(19, m.kind());
        setLong(ps, 20, m.relayAcceptedAt());
        setLong(ps, 21, m.deliveredAt());
        setLong(ps, 22, m.readAt());
        ps.setBoolean(23, !m.reactions().isEmpty());    // the reacted mark (V89) of the reactions stored with it
    }

    /** The edit versions, reactions and attachment rows of the new messages: one batch per table. */
    private static void dependents(Connection c, List<HistoryRows.Message> fresh) throws SQLException {
        try (PreparedStatement versions = c.prepareStatement(
                "INSERT INTO message_versions (message_id, version, body, written_at) VALUES (?, ?, ?, ?)");
             PreparedStatement reactions = c.prepareStatement(
                     "INSERT INTO reactions (message_id, reactor, emoji, reacted_at) VALUES (?, ?, ?, ?)");
             PreparedStatement attachments = c.prepareStatement("INSERT INTO attachments (message_id, "
                     + "attachment_id, file_key, digest, size_bytes, file_name, content_type, width, height, "
                     + "thumbnail, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int anyVersions = 0;
            int anyReactions = 0;
            int anyAttachments = 0;
            for (HistoryRows.Message m : fresh) {
                for (HistoryRows.Version v : m.versions()) {
                    versions.setString(1, m.messageId());
                    versions.setInt(2, v.version());
                    versions.setString(3, v.body());
                    versions.setLong(4, v.writtenAt());
                    versions.addBatch();
                    anyVersions++;
                }
                for (HistoryRows.Reaction r : m.reactions()) {
                    reactions.setString(1, m.messageId());
                    reactions.setString(2, r.reactor());
                    reactions.setString(3, r.emoji());
                    reactions.setLong(4, r.reactedAt());
                    reactions.addBatch();
                    anyReactions++;
                }
                if (m.attachment() != null) {
                    attachment(attachments, m.messageId(), m.attachment());
                    attachments.addBatch();
                    anyAttachments++;
                }
            }
            if (anyVersions > 0) {
                versions.executeBatch();
            }
            if (anyReactions > 0) {
                reactions.executeBatch();
            }
            if (anyAttachments > 0) {
                attachments.executeBatch();
            }
        }
    }

    private static void attachment(PreparedStatement ps, String messageId, HistoryRows.Attachment a)
            throws SQLException {
        ps.setString(1, messageId);
        ps.setBytes(2, a.attachmentId());
        ps.setBytes(3, a.fileKey());
        ps.setBytes(4, a.digest());
        ps.setLong(5, a.size());
        ps.setString(6, a.fileName());
        ps.setString(7, a.contentType());
        ps.setInt(8, a.width());
        ps.setInt(9, a.height());
        ps.setBytes(10, a.thumbnail());
        ps.setString(11, state(a.state()));
    }

    /** The file's bytes are not on this device: one that was here elsewhere is to be fetched from the relay. */
    private static String state(String sent) {
        AttachmentState state = AttachmentState.valueOf(sent);
        return state == AttachmentState.DOWNLOADED || state == AttachmentState.UPLOADED
                ? AttachmentState.AVAILABLE.name() : state.name();
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
