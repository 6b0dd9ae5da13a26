package dev.parley.desktop.service.attachment;

import dev.parley.crypto.attachment.AttachmentEncryptor;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.service.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Encrypts a prepared file chunk by chunk and uploads each chunk as it is made (one chunk in memory at a time). When
 * the relay refuses a chunk as out of order (an answer lost with a connection, a relay restarted meanwhile), it asks
 * the relay how many chunks it holds and resumes from there; the encryption is deterministic for the key, so the
 * chunks before are re-encrypted (for the digest) but not sent again.
 */
final class AttachmentUpload {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AttachmentUpload.class);
    private final SecretBox box;
    private final RelayChunks relay;
    private final java.util.Optional<BulkUpload> bulk;

    /** @param bulk the relay's bulk path when it may have one (tried first; its absence falls back to the frames) */
    AttachmentUpload(SecretBox box, RelayChunks relay, java.util.Optional<BulkUpload> bulk) {
        this.box = box;
        this.relay = relay;
        this.bulk = bulk;
    }

    record Uploaded(byte[] attachmentId, byte[] digest, long chunksSent) {
    }

    /** Told the relay's id for the upload once room is reserved, before the first chunk is sent. */
    @FunctionalInterface
    interface Reserved {
        void accept(byte[] attachmentId) throws ServiceException;
    }

    /** The relay no longer has the upload to resume (expired or never completed its reservation). */
    static final class GoneException extends Exception {
        private static final long serialVersionUID = 1L;

        GoneException() {
            super("the upload is no longer on the relay", null, false, false);
        }
    }

    /**
     * Reserves room on the relay and uploads the file. The relay lets {@code reader} download it, or, when
     * {@code reader} is null (a file for a group, shared by pointer), whoever presents the read token whose hash is
     * {@code tokenHash} (docs/protocol.md 1.11).
     */
    Uploaded upload(PreparedFile file, SecretBytes key, String reader, byte[] tokenHash, TransferProgress progress,
                    Reserved reserved) throws ServiceException, IOException {
        long cipherSize = AttachmentFormat.ciphertextSize(file.size());
        Request begin = reader != null ? new Request.AttachmentBegin(cipherSize, List.of(reader))
                : new Request.AttachmentBeginShared(cipherSize, tokenHash);
        Response.AttachmentCreated created = (Response.AttachmentCreated) relay.exchange(begin);
        reserved.accept(created.attachmentId());
        return send(file, key, created.attachmentId(), 0, progress);
    }

    /** Continues an upload this profile began earlier (before a crash) with the same key, from the relay's count. */
    Uploaded resume(PreparedFile file, SecretBytes key, byte[] id, TransferProgress progress)
            throws ServiceException, IOException, GoneException {
        Response answer = relay.exchange(new Request.AttachmentStatus(id), ErrorCode.UNKNOWN_ATTACHMENT);
        if (!(answer instanceof Response.AttachmentProgress status)) {
            throw new GoneException();
        }
        return send(file, key, id, status.chunksConfirmed(), progress);
    }

    private Uploaded send(PreparedFile file, SecretBytes key, byte[] id, long alreadyConfirmed, TransferProgress progress)
            throws ServiceException, IOException {
        if (bulk.isPresent()) {
            try {
                return bulk.get().send(file, key, id, alreadyConfirmed, progress);
            } catch (BulkUpload.UnavailableException e) {
                LOG.info("event=attachment_bulk_unavailable reason=\"{}\"", e.getMessage());
            }
        }
        return sendFrames(file, key, id, alreadyConfirmed, progress);
    }

    /** The WebSocket path: one {@code attachment_put} frame per chunk. */
    private Uploaded sendFrames(PreparedFile file, SecretBytes key, byte[] id, long alreadyConfirmed,
                                TransferProgress progress) throws ServiceException, IOException {
        long confirmed = alreadyConfirmed;
        long sent = 0;
        for (int pass = 0; pass <= RelayChunks.MAX_RECONNECTS; pass++) {
            try (InputStream in = file.source().open()) {
                AttachmentEncryptor encryptor = new AttachmentEncryptor(box, key, in, file.size());
                boolean resync = false;
                while (encryptor.hasNext()) {
                    long index = encryptor.index();
                    byte[] chunk = encryptor.next();
                    if (index < confirmed) {
                        continue;
                    }
                    RelayChunks.checkCancelled(progress);
                    Response answer = relay.exchange(new Request.AttachmentPut(id, index, chunk), ErrorCode.INVALID_FIELD);
                    if (answer instanceof Response.ErrorResponse) {
                        resync = true;
                        break;
                    }
                    sent++;
                    confirmed = ((Response.AttachmentProgress) answer).chunksConfirmed();
                    progress.progress(Math.min(file.size(), confirmed * AttachmentFormat.PLAIN_CHUNK_BYTES), file.size());
                }
                if (!resync) {
                    return new Uploaded(id, encryptor.digest(), sent);
                }
            }
            Response.AttachmentProgress status = (Response.AttachmentProgress) relay.exchange(new Request.AttachmentStatus(id));
            confirmed = status.chunksConfirmed();
        }
        throw new RelayRejectedException("the relay did not accept the upload in order; try again");
    }
}
