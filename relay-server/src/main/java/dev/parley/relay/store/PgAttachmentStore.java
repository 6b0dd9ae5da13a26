package dev.parley.relay.store;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.attachment.AttachmentReadToken;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.relay.store.AttachmentRefusedException.Reason;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@link AttachmentStore} on the cluster's PostgreSQL: one row per attachment, one per reader, one per ciphertext
 * chunk (at most {@value AttachmentFormat#CIPHER_CHUNK_BYTES} bytes each), so every node can resume an upload or
 * serve a download another node started. An append locks the attachment's row, so two nodes never confirm the same
 * chunk twice; a reservation takes a transaction-scoped advisory lock on its owner, so the quota holds across nodes.
 * Disk space is PostgreSQL's to manage (no STORAGE_FULL check here): size the database for the attachment quota
 * times the active uploaders, see docs/operations.md.
 */
final class PgAttachmentStore implements AttachmentStore {
    private final PgDatabase db;
    private final RandomSource random;
    private final Clock clock;

    PgAttachmentStore(PgDatabase db, RandomSource random, Clock clock) {
        this.db = db;
        this.random = random;
        this.clock = clock;
    }

    /** Carries a refusal out of a transaction (which it rolls back). */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient AttachmentRefusedException refusal;

        Refused(AttachmentRefusedException refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    private interface Step<T> {
        T run(Connection c) throws SQLException, AttachmentRefusedException;
    }

    private <T> T transaction(Step<T> step) throws AttachmentRefusedException {
        try {
            return db.transaction(c -> {
                try {
                    return step.run(c);
                } catch (AttachmentRefusedException e) {
                    throw new Refused(e);
                }
            });
        } catch (Refused e) {
            throw e.refusal;
        }
    }

    @Override
    public byte[] reserve(String owner, List<String> readers, byte[] tokenHash, long size, Instant expiresAt,
                          long quotaBytes) throws AttachmentRefusedException {
        long chunks = AttachmentFormat.chunkCountOfCiphertext(size);
        if (chunks < 1) {
            throw new AttachmentRefusedException(Reason.BAD_LENGTH, "an attachment is at least 17 bytes");
        }
        byte[] ownerKey = db.usernames().of(owner);
        byte[] id = random.bytes(16);
        return transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ByteBuffer.wrap(ownerKey).getLong());
                lock.executeQuery().close();
            }
            long used = usage(c, ownerKey);
            if (size > quotaBytes - used) {
                throw new AttachmentRefusedException(Reason.QUOTA_EXCEEDED, "this account's attachments would take more "
                        + "than " + quotaBytes + " bytes on the relay (" + used + " used); wait for older ones to expire");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO attachments (id, owner_key, size, "
                    + "total_chunks, expires_at, token_hash) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setBytes(1, id);
                insert.setBytes(2, ownerKey);
                insert.setLong(3, size);
                insert.setLong(4, chunks);
                insert.setLong(5, expiresAt.toEpochMilli());
                insert.setBytes(6, tokenHash);
                insert.executeUpdate();
            }
            try (PreparedStatement reader = c.prepareStatement("INSERT INTO attachment_readers (id, reader_key) "
                    + "VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                for (String name : readers) {
                    reader.setBytes(1, id);
                    reader.setBytes(2, db.usernames().of(name));
                    reader.addBatch();
                }
                reader.executeBatch();
            }
            return id;
        });
    }

    @Override
    public Progress progress(byte[] id, String owner) throws AttachmentRefusedException {
        byte[] ownerKey = db.usernames().of(owner);
        return transaction(c -> owned(c, id, ownerKey, false).progress());
    }

    @Override
    public Progress append(byte[] id, String owner, long index, byte[] chunk) throws AttachmentRefusedException {
        byte[] ownerKey = db.usernames().of(owner);
        return transaction(c -> {
            Row row = owned(c, id, ownerKey, true);
            if (row.complete || index != row.confirmed) {
                throw new AttachmentRefusedException(Reason.OUT_OF_ORDER,
                        "expected chunk " + row.confirmed + (row.complete ? " (the upload is complete)" : ""));
            }
            if (chunk.length != AttachmentFormat.cipherChunkLength(row.size, index)) {
                throw new AttachmentRefusedException(Reason.BAD_LENGTH, "chunk " + index + " has the wrong length");
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO attachment_chunks (id, idx, bytes) VALUES (?, ?, ?)")) {
                insert.setBytes(1, id);
                insert.setLong(2, index);
                insert.setBytes(3, chunk);
                insert.executeUpdate();
            }
            boolean complete = index == row.total - 1;
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE attachments SET chunks_confirmed = ?, complete = ? WHERE id = ?")) {
                update.setLong(1, index + 1);
                update.setBoolean(2, complete);
                update.setBytes(3, id);
                update.executeUpdate();
            }
            return new Progress(index + 1, complete, row.total);
        });
    }

    @Override
    public Chunk read(byte[] id, String reader, byte[] token, long index) throws AttachmentRefusedException {
        byte[] key = db.usernames().of(reader);
        return transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT a.total_chunks, ch.bytes, a.token_hash, "
                    + "(a.owner_key = ? OR EXISTS (SELECT 1 FROM attachment_readers r WHERE r.id = a.id "
                    + "AND r.reader_key = ?)) FROM attachments a JOIN attachment_chunks ch ON ch.id = a.id "
                    + "AND ch.idx = ? WHERE a.id = ? AND a.complete AND a.expires_at > ?")) {
                select.setBytes(1, key);
                select.setBytes(2, key);
                select.setLong(3, index);
                select.setBytes(4, id);
                select.setLong(5, clock.millis());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw unknown();
                    }
                    byte[] tokenHash = rs.getBytes(3);
                    boolean named = rs.getBoolean(4);
                    if (!named && (tokenHash == null || !AttachmentReadToken.matches(token, tokenHash))) {
                        throw unknown();
                    }
                    return new Chunk(rs.getBytes(2), rs.getLong(1));
                }
            }
        });
    }

    @Override
    public int sweep(Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM attachments WHERE expires_at <= ?")) {
                delete.setLong(1, now.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public long usage(String owner) {
        byte[] ownerKey = db.usernames().of(owner);
        return db.transaction(c -> usage(c, ownerKey));
    }

    /** Nothing to release: the connections belong to {@link PgDatabase}. */
    @Override
    public void close() {
    }

    private static long usage(Connection c, byte[] ownerKey) throws SQLException {
        try (PreparedStatement sum = c.prepareStatement(
                "SELECT COALESCE(SUM(size), 0) FROM attachments WHERE owner_key = ?")) {
            sum.setBytes(1, ownerKey);
            try (ResultSet rs = sum.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private record Row(long size, long total, long confirmed, boolean complete) {
        Progress progress() {
            return new Progress(confirmed, complete, total);
        }
    }

    private Row owned(Connection c, byte[] id, byte[] ownerKey, boolean lock) throws SQLException,
            AttachmentRefusedException {
        if (id == null) {
            throw unknown();
        }
        try (PreparedStatement select = c.prepareStatement("SELECT size, total_chunks, chunks_confirmed, complete "
                + "FROM attachments WHERE id = ? AND owner_key = ? AND expires_at > ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setBytes(1, id);
            select.setBytes(2, ownerKey);
            select.setLong(3, clock.millis());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw unknown();
                }
                return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4));
            }
        }
    }

    private static AttachmentRefusedException unknown() {
        return new AttachmentRefusedException(Reason.UNKNOWN, "no such attachment");
    }
}
