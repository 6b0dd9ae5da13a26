package dev.parley.relay.store;

import java.time.Instant;
import java.util.List;

/**
 * Encrypted attachments: opaque ciphertext under random ids, uploaded chunk by chunk in order and downloadable once
 * complete by the uploader, the readers it named, or (a shared attachment) anyone presenting the read token whose
 * SHA-256 it gave (docs/protocol.md, "Attachments"). Separate from the message queue. Usernames are kept only as keyed
 * hashes, tokens only as their hashes. Thread-safe.
 */
public interface AttachmentStore extends AutoCloseable {

    /**
     * Reserves room for {@code size} ciphertext bytes and returns the new attachment's id (16 random bytes).
     *
     * @param quotaBytes the most bytes {@code owner}'s attachments may take, this one included
     *
     * @throws AttachmentRefusedException QUOTA_EXCEEDED or STORAGE_FULL; nothing was reserved
     */
    default byte[] reserve(String owner, List<String> readers, long size, Instant expiresAt, long quotaBytes)
            throws AttachmentRefusedException {
        return reserve(owner, readers, null, size, expiresAt, quotaBytes);
    }

    /**
     * Reserves room as {@link #reserve(String, List, long, Instant, long)}, for named readers and/or (when
     * {@code tokenHash} is not null) whoever presents a read token hashing to it.
     *
     * @param tokenHash SHA-256 of the read token (32 bytes), or null for an attachment only named readers may read
     */
    byte[] reserve(String owner, List<String> readers, byte[] tokenHash, long size, Instant expiresAt, long quotaBytes)
            throws AttachmentRefusedException;

    /** How far the owner's upload is. @throws AttachmentRefusedException UNKNOWN for anyone but the owner */
    Progress progress(byte[] id, String owner) throws AttachmentRefusedException;

    /**
     * Appends chunk {@code index}, which must be the next one; after the last chunk the attachment is complete.
     *
     * @throws AttachmentRefusedException UNKNOWN, OUT_OF_ORDER, BAD_LENGTH (nothing changed), STORAGE_FULL (the
     *                                    upload was deleted and its reservation released)
     */
    Progress append(byte[] id, String owner, long index, byte[] chunk) throws AttachmentRefusedException;

    /** Chunk {@code index} of a complete attachment, for its owner or a named reader. */
    default Chunk read(byte[] id, String reader, long index) throws AttachmentRefusedException {
        return read(id, reader, null, index);
    }

    /**
     * Chunk {@code index} of a complete attachment, for its owner, a named reader, or anyone whose {@code token}
     * (null: none presented) hashes to the attachment's token hash; anyone else gets UNKNOWN, as for a missing id.
     */
    Chunk read(byte[] id, String reader, byte[] token, long index) throws AttachmentRefusedException;

    /** Deletes the attachments (complete or not) that expired at {@code now}; returns how many. */
    int sweep(Instant now);

    /** Ciphertext bytes stored or reserved for {@code owner}'s attachments. */
    long usage(String owner);

    @Override
    void close();

    /** @param chunksConfirmed chunks the store holds; {@code complete} once every chunk is in */
    record Progress(long chunksConfirmed, boolean complete, long totalChunks) {
    }

    record Chunk(byte[] bytes, long totalChunks) {
    }
}
