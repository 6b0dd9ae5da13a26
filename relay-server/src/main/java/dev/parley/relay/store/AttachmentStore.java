package dev.parley.relay.store;

import java.io.IOException;
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

    /**
     * Issue #13, the bulk path: appends chunks {@code first}, {@code first + 1}, ... as {@code chunks} hands them over,
     * until it returns null or the attachment is complete. Each chunk is confirmed as in {@link #append} (a relay
     * killed afterwards keeps it). A store may hold what it needs open for the whole run (the disk store: one file
     * channel, and no other upload of the same attachment meanwhile).
     *
     * @throws AttachmentRefusedException as {@link #append}; the chunks before the refused one stay confirmed
     * @throws IOException                the source failed (the body ended early): the chunks before stay confirmed
     */
    default Progress appendAll(byte[] id, String owner, long first, ChunkSource chunks)
            throws AttachmentRefusedException, IOException {
        Progress progress = progress(id, owner);
        for (long index = first; !progress.complete(); index++) {
            byte[] chunk = chunks.next(index);
            if (chunk == null) {
                break;
            }
            progress = append(id, owner, index, chunk);
        }
        return progress;
    }

    /**
     * Issue #13, the bulk path: hands chunks {@code first} to the last of a complete attachment to {@code sink}, with
     * the access rule of {@link #read(byte[], String, byte[], long)}.
     *
     * @throws AttachmentRefusedException UNKNOWN (also when it was deleted meanwhile: the sink then has a part)
     * @throws IOException                the sink failed (the reader went away)
     */
    default void readAll(byte[] id, String reader, byte[] token, long first, ChunkSink sink)
            throws AttachmentRefusedException, IOException {
        long total = first + 1;
        for (long index = first; index < total; index++) {
            Chunk chunk = read(id, reader, token, index);
            total = chunk.totalChunks();
            sink.accept(chunk.bytes(), chunk.bytes().length);
        }
    }

    /** Chunks of an upload, in order. */
    @FunctionalInterface
    interface ChunkSource {
        /**
         * Chunk {@code index}: an array of exactly its length, which the source may reuse once this call's chunk is
         * stored (stores never keep it); null when there are no more.
         */
        byte[] next(long index) throws IOException;
    }

    /** Where a download's chunks go, in order. */
    @FunctionalInterface
    interface ChunkSink {
        /** The next chunk: the first {@code length} bytes of {@code bytes}, which the store may reuse afterwards. */
        void accept(byte[] bytes, int length) throws IOException;
    }

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
