package dev.parley.relay.store;

import java.time.Instant;
import java.util.List;

/**
 * Encrypted attachments: opaque ciphertext under random ids, uploaded chunk by chunk in order and downloadable once
 * complete by the uploader and the readers it named (docs/protocol.md, "Attachments"). Separate from the message
 * queue. Usernames are kept only as keyed hashes. Thread-safe.
 */
public interface AttachmentStore extends AutoCloseable {

    /**
     * Reserves room for {@code size} ciphertext bytes and returns the new attachment's id (16 random bytes).
     *
     * @param quotaBytes the most bytes {@code owner}'s attachments may take, this one included
     *
     * @throws AttachmentRefusedException QUOTA_EXCEEDED or STORAGE_FULL; nothing was reserved
     */
    byte[] reserve(String owner, List<String> readers, long size, Instant expiresAt, long quotaBytes) throws AttachmentRefusedException;

    /** How far the owner's upload is. @throws AttachmentRefusedException UNKNOWN for anyone but the owner */
    Progress progress(byte[] id, String owner) throws AttachmentRefusedException;

    /**
     * Appends chunk {@code index}, which must be the next one; after the last chunk the attachment is complete.
     *
     * @throws AttachmentRefusedException UNKNOWN, OUT_OF_ORDER, BAD_LENGTH (nothing changed), STORAGE_FULL (the
     *                                    upload was deleted and its reservation released)
     */
    Progress append(byte[] id, String owner, long index, byte[] chunk) throws AttachmentRefusedException;

    /** Chunk {@code index} of a complete attachment, for its owner or a reader. */
    Chunk read(byte[] id, String reader, long index) throws AttachmentRefusedException;

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
