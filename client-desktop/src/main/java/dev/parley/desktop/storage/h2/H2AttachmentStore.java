package dev.parley.desktop.storage.h2;

import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.AttachmentStore;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.PendingUpload;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class H2AttachmentStore implements AttachmentStore {
    private static final String COLUMNS = "message_id, attachment_id, file_key, digest, size_bytes, file_name, "
            + "content_type, width, height, thumbnail, state";
    private final H2TransactionManager manager;

    H2AttachmentStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean insertIfAbsent(Transaction txn, Attachment attachment) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        AttachmentPointer p = attachment.pointer();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachments (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM attachments WHERE message_id = ?)")) {
            ps.setString(1, attachment.messageId().value());
            ps.setBytes(2, p.attachmentId());
            ps.setBytes(3, p.key());
            ps.setBytes(4, p.digest());
            ps.setLong(5, p.size());
            ps.setString(6, p.fileName());
            ps.setString(7, p.contentType());
            ps.setInt(8, p.width());
            ps.setInt(9, p.height());
            ps.setBytes(10, p.thumbnail());
            ps.setString(11, attachment.state().name());
            ps.setString(12, attachment.messageId().value());
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failure("storing an attachment", e);
        }
    }

    @Override
    public Optional<Attachment> find(Transaction txn, MessageId messageId) throws StorageException {
        List<Attachment> found = of(txn, List.of(messageId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Attachment> of(Transaction txn, List<MessageId> messageIds) throws StorageException {
        List<Attachment> out = new ArrayList<>();
        if (messageIds.isEmpty()) {
            return out;
        }
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM attachments "
                + "WHERE message_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", messageIds.stream().map(MessageId::value).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attachment(new MessageId(rs.getString(1)), new AttachmentPointer(rs.getBytes(2),
                            rs.getBytes(3), rs.getBytes(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                            rs.getInt(8), rs.getInt(9), rs.getBytes(10)), AttachmentState.valueOf(rs.getString(11))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading attachments", e);
        }
    }

    @Override
    public boolean updateState(Transaction txn, MessageId messageId, AttachmentState state) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("UPDATE attachments SET state = ? WHERE message_id = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, messageId.value());
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failure("updating an attachment", e);
        }
    }

    @Override
    public void putPendingUpload(Transaction txn, PendingUpload upload) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO attachment_uploads (contact, source, size_bytes, "
                + "modified_at, attachment_id, file_key) KEY (contact, source) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, upload.contact());
            ps.setString(2, upload.source());
            ps.setLong(3, upload.size());
            ps.setLong(4, upload.modifiedAt());
            ps.setBytes(5, upload.attachmentId());
            ps.setBytes(6, upload.key());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("recording an upload", e);
        }
    }

    @Override
    public Optional<PendingUpload> pendingUpload(Transaction txn, String contact, String source) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT size_bytes, modified_at, attachment_id, file_key "
                + "FROM attachment_uploads WHERE contact = ? AND source = ?")) {
            ps.setString(1, contact);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PendingUpload(contact, source, rs.getLong(1), rs.getLong(2), rs.getBytes(3),
                        rs.getBytes(4)));
            }
        } catch (SQLException e) {
            throw Sql.failure("reading an upload", e);
        }
    }

    @Override
    public void removePendingUpload(Transaction txn, String contact, String source) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM attachment_uploads WHERE contact = ? AND source = ?")) {
            ps.setString(1, contact);
            ps.setString(2, source);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("removing an upload", e);
        }
    }

    @Override
    public void removePendingUploads(Transaction txn, String contact) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM attachment_uploads WHERE contact = ?")) {
            ps.setString(1, contact);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("removing uploads", e);
        }
    }

    @Override
    public java.util.Set<String> uploadsAmong(Transaction txn, java.util.Collection<String> ids)
            throws StorageException {
        return among(txn, UPLOADS_AMONG_SQL, ids, "looking up uploads");
    }

    @Override
    public java.util.Set<String> attachmentsAmong(Transaction txn, java.util.Collection<String> ids)
            throws StorageException {
        return among(txn, ATTACHMENTS_AMONG_SQL, ids, "looking up attachments");
    }

    /** Parameter: the ids (an array of 16-byte values). Through the V92 index. */
    static final String ATTACHMENTS_AMONG_SQL = "SELECT DISTINCT attachment_id FROM attachments "
            + "WHERE attachment_id = ANY(?)";
    static final String UPLOADS_AMONG_SQL = "SELECT DISTINCT attachment_id FROM attachment_uploads "
            + "WHERE attachment_id = ANY(?)";

    private java.util.Set<String> among(Transaction txn, String sql, java.util.Collection<String> ids, String what)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        dev.parley.desktop.storage.StoreArguments.checkIds(ids);
        java.util.Set<String> kept = new java.util.HashSet<>();
        List<byte[]> values = new ArrayList<>(ids.size());
        for (String id : ids) {
            try {
                values.add(java.util.HexFormat.of().parseHex(id));
            } catch (IllegalArgumentException e) {
                // not an id any row can have
            }
        }
        if (values.isEmpty()) {
            return kept;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            // slices keep H2's re-check of each row found against the array short
            for (int from = 0; from < values.size(); from += H2MessageRemoval.SLICE) {
                ps.setArray(1, c.createArrayOf("BINARY VARYING",
                        values.subList(from, Math.min(values.size(), from + H2MessageRemoval.SLICE)).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        kept.add(java.util.HexFormat.of().formatHex(rs.getBytes(1)));
                    }
                }
            }
            return kept;
        } catch (SQLException e) {
            throw Sql.failure(what, e);
        }
    }
}
