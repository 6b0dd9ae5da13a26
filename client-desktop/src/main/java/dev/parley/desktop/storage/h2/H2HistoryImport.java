package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.SearchTokenizer;
import dev.parley.desktop.storage.history.HistoryRows;
import dev.parley.desktop.storage.history.HistoryTransferStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * Stores one slice of history from another device of the account. A message whose id is already here (received live
 * during the transfer, sent as a transcript, or imported by an earlier attempt) is skipped with its versions,
 * reactions and attachment; conversations and groups already here are kept. Each new message takes a position below
 * every message this profile holds, in the slice's order (newest first), so a transfer that arrives after live
 * messages still reads oldest to newest and positions never collide. A file this device has not downloaded is
 * {@code AVAILABLE}: its body is fetched from the relay on demand while the relay keeps it.
 */
final class H2HistoryImport {
    private H2HistoryImport() {
    }

    static HistoryTransferStore.Imported store(Connection c, HistoryRows rows) throws SQLException {
        for (HistoryRows.GroupState g : rows.groups()) {
            if (!exists(c, "SELECT 1 FROM group_states WHERE group_id = ?", g.groupId())) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_states (group_id, state, previous, "
                        + "change_hash, active) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, g.groupId());
                    ps.setBytes(2, g.state());
                    ps.setBytes(3, g.previous());
                    ps.setBytes(4, g.changeHash());
                    ps.setBoolean(5, g.active());
                    ps.executeUpdate();
                }
            }
        }
        for (HistoryRows.Conversation v : rows.conversations()) {
            if (!exists(c, "SELECT 1 FROM conversations WHERE conversation_id = ?", v.id())) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversations (conversation_id, last_seq, "
                        + "kind, expire_seconds, muted, archived) VALUES (?, NULL, ?, ?, ?, ?)")) {
                    ps.setString(1, v.id());
                    ps.setString(2, v.kind());
                    ps.setLong(3, v.expireSeconds());
                    ps.setBoolean(4, v.muted());
                    ps.setBoolean(5, v.archived());
                    ps.executeUpdate();
                }
            }
        }
        long next = firstFreeBelow(c);
        int imported = 0;
        Map<String, Long> newest = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO messages (seq, message_id, conversation_id, "
                + "direction, sender, sent_at, received_at, body, state, failure_reason, unread, deleted, edit_count, "
                + "edited_at, quoted_id, quoted_author, quoted_snippet, expires_at, kind, relay_accepted_at, "
                + "delivered_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement words = c.prepareStatement(MessageWords.INSERT_SQL);
             PreparedStatement here = c.prepareStatement("SELECT 1 FROM messages WHERE message_id = ?")) {
            boolean anyWords = false;
            for (HistoryRows.Message m : rows.messages()) {
                here.setString(1, m.messageId());
                try (ResultSet rs = here.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                long seq = next--;
                message(insert, seq, m);
                insert.executeUpdate();
                if ("TEXT".equals(m.kind()) && !m.deleted()) {
                    anyWords |= MessageWords.addBatch(words, seq, SearchTokenizer.tokens(m.body()));
                }
                dependents(c, m);
                newest.merge(m.conversationId(), seq, Math::max);
                imported++;
            }
            if (anyWords) {
                words.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE conversations SET last_seq = ? WHERE conversation_id = ? "
                + "AND (last_seq IS NULL OR last_seq < ?)")) {
            for (Map.Entry<String, Long> e : newest.entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setString(2, e.getKey());
                ps.setLong(3, e.getValue());
                ps.executeUpdate();
            }
        }
        return new HistoryTransferStore.Imported(imported, rows.messages().size() - imported);
    }

    /** The position just below every message here (0 for an empty history). */
    private static long firstFreeBelow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM messages");
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
    }

    private static void dependents(Connection c, HistoryRows.Message m) throws SQLException {
        if (!m.versions().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO message_versions (message_id, version, body, written_at) VALUES (?, ?, ?, ?)")) {
                for (HistoryRows.Version v : m.versions()) {
                    ps.setString(1, m.messageId());
                    ps.setInt(2, v.version());
                    ps.setString(3, v.body());
                    ps.setLong(4, v.writtenAt());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!m.reactions().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO reactions (message_id, reactor, emoji, reacted_at) VALUES (?, ?, ?, ?)")) {
                for (HistoryRows.Reaction r : m.reactions()) {
                    ps.setString(1, m.messageId());
                    ps.setString(2, r.reactor());
                    ps.setString(3, r.emoji());
                    ps.setLong(4, r.reactedAt());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        HistoryRows.Attachment a = m.attachment();
        if (a != null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachments (message_id, attachment_id, file_key, "
                    + "digest, size_bytes, file_name, content_type, width, height, thumbnail, state) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, m.messageId());
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
                ps.executeUpdate();
            }
        }
    }

    /** The file's bytes are not on this device: one that was here elsewhere is to be fetched from the relay. */
    private static String state(String sent) {
        AttachmentState state = AttachmentState.valueOf(sent);
        return state == AttachmentState.DOWNLOADED || state == AttachmentState.UPLOADED
                ? AttachmentState.AVAILABLE.name() : state.name();
    }

    private static boolean exists(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
