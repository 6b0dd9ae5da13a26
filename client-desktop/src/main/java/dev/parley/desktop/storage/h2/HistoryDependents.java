package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.history.HistoryRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The edit versions, reactions and attachment rows of a page of messages a history transfer sends (#17), read with
 * one statement per table for the whole page (each through its table's key on {@code message_id}), so a slice costs
 * a few statements per page instead of three per message. At most {@value #MOST} versions and reactions per message,
 * as the rows' format allows.
 */
final class HistoryDependents {
    static final String VERSIONS_SQL = "SELECT message_id, version, body, written_at FROM message_versions "
            + "WHERE message_id = ANY(?) ORDER BY message_id, version";
    static final String REACTIONS_SQL = "SELECT message_id, reactor, emoji, reacted_at FROM reactions "
            + "WHERE message_id = ANY(?) ORDER BY message_id, reactor";
    static final String ATTACHMENTS_SQL = "SELECT message_id, attachment_id, file_key, digest, size_bytes, file_name, "
            + "content_type, width, height, thumbnail, state FROM attachments WHERE message_id = ANY(?)";
    private static final int MOST = 255;

    private final Map<String, List<HistoryRows.Version>> versions = new HashMap<>();
    private final Map<String, List<HistoryRows.Reaction>> reactions = new HashMap<>();
    private final Map<String, HistoryRows.Attachment> attachments = new HashMap<>();

    private HistoryDependents() {
    }

    /** The dependents of {@code page}'s messages. */
    static HistoryDependents of(Connection c, List<HistoryRows.Message> page) throws SQLException {
        HistoryDependents d = new HistoryDependents();
        if (page.isEmpty()) {
            return d;
        }
        java.sql.Array ids = c.createArrayOf("CHARACTER VARYING",
                page.stream().map(HistoryRows.Message::messageId).toArray());
        try (PreparedStatement ps = c.prepareStatement(VERSIONS_SQL)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<HistoryRows.Version> of = d.versions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (of.size() < MOST) {
                        of.add(new HistoryRows.Version(rs.getInt(2), rs.getString(3), rs.getLong(4)));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(REACTIONS_SQL)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<HistoryRows.Reaction> of = d.reactions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (of.size() < MOST) {
                        of.add(new HistoryRows.Reaction(rs.getString(2), rs.getString(3), rs.getLong(4)));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ATTACHMENTS_SQL)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    d.attachments.put(rs.getString(1), new HistoryRows.Attachment(rs.getBytes(2), rs.getBytes(3),
                            rs.getBytes(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                            rs.getInt(9), rs.getBytes(10), rs.getString(11)));
                }
            }
        }
        return d;
    }

    /** {@code m} (read without its dependents) with them. */
    HistoryRows.Message attach(HistoryRows.Message m) {
        String id = m.messageId();
        return new HistoryRows.Message(id, m.conversationId(), m.direction(), m.sender(), m.sentAt(), m.receivedAt(),
                m.body(), m.state(), m.failureReason(), m.unread(), m.deleted(), m.editCount(), m.editedAt(),
                m.quotedId(), m.quotedAuthor(), m.quotedSnippet(), m.expiresAt(), m.kind(), m.relayAcceptedAt(),
                m.deliveredAt(), m.readAt(), versions.getOrDefault(id, List.of()), reactions.getOrDefault(id, List.of()),
                attachments.get(id));
    }
}
