package dev.parley.crypto.wire;

import static dev.parley.crypto.wire.RequestChecks.checkAttachmentId;
import static dev.parley.crypto.wire.RequestChecks.checkBytes;

import java.util.List;
import java.util.Objects;

/**
 * The frames of attachments (docs/protocol.md, "Attachments" and "Bulk transfers"): uploads, downloads and the
 * tickets of the bulk path.
 *
 * <p>Only {@link Request} extends this interface, and only to give each record its name {@code Request.X}:
 * write {@code Request.AttachmentBegin}, never {@code AttachmentRequests.AttachmentBegin}.
 */
public interface AttachmentRequests {
    /**
     * Reserves room for an encrypted file of {@code size} ciphertext bytes that {@code readers} (and the uploader) may
     * download (docs/protocol.md, "Attachments"). Answered with {@link Response.AttachmentCreated}.
     */
    record AttachmentBegin(long size, List<String> readers) implements Request {
        public AttachmentBegin {
            if (size < 1) {
                throw new IllegalArgumentException("size: at least 1 byte expected");
            }
            readers = List.copyOf(Objects.requireNonNull(readers, "readers"));
            if (readers.isEmpty() || readers.size() > MAX_ATTACHMENT_READERS) {
                throw new IllegalArgumentException("readers: 1 to " + MAX_ATTACHMENT_READERS + " usernames expected");
            }
        }
    }

    /** Uploads chunk {@code index} (the next one) of an attachment. Answered with {@link Response.AttachmentProgress}. */
    record AttachmentPut(byte[] attachmentId, long index, byte[] chunk) implements Request {
        public AttachmentPut {
            checkAttachmentId(attachmentId);
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative");
            }
            if (chunk == null || chunk.length == 0) {
                throw new IllegalArgumentException("chunk: non-empty bytes expected");
            }
        }

        @Override
        public String toString() {
            return "AttachmentPut[" + index + ", " + chunk.length + " bytes]";
        }
    }

    /** Asks how many chunks of an upload the relay has confirmed. Answered with {@link Response.AttachmentProgress}. */
    record AttachmentStatus(byte[] attachmentId) implements Request {
        public AttachmentStatus {
            checkAttachmentId(attachmentId);
        }
    }

    /** Downloads chunk {@code index} of a complete attachment. Answered with {@link Response.AttachmentChunk}. */
    record AttachmentGet(byte[] attachmentId, long index) implements Request {
        public AttachmentGet {
            checkAttachmentId(attachmentId);
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative");
            }
        }
    }

    /**
     * Reserves room for an encrypted file shared by pointer (issue #15, files in groups): no readers are named; the
     * relay keeps {@code tokenHash}, the SHA-256 of the file's read token
     * ({@link dev.parley.crypto.attachment.AttachmentReadToken}), and serves the file to any authenticated account
     * that presents the token. Answered with {@link Response.AttachmentCreated}.
     */
    record AttachmentBeginShared(long size, byte[] tokenHash) implements Request {
        public AttachmentBeginShared {
            if (size < 1) {
                throw new IllegalArgumentException("size: at least 1 byte expected");
            }
            checkBytes(tokenHash, 32, "tokenHash");
        }
    }

    /**
     * Downloads chunk {@code index} of a complete attachment with its read token: allowed to the uploader, to a named
     * reader of an attachment begun with {@link AttachmentBegin}, and to anyone whose token matches the hash the
     * uploader gave with {@link AttachmentBeginShared}. Answered with {@link Response.AttachmentChunk}.
     */
    record AttachmentGetShared(byte[] attachmentId, long index, byte[] token) implements Request {
        public AttachmentGetShared {
            checkAttachmentId(attachmentId);
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative");
            }
            checkBytes(token, 32, "token");
        }

        @Override
        public String toString() {
            return "AttachmentGetShared[" + index + "]";
        }
    }

    /**
     * Issue #13, the bulk path: asks for a short-lived ticket to upload the body of this account's attachment over HTTP
     * on the relay's own listener ({@code PUT /bulk/<hex id>?offset=N}, docs/protocol.md "Bulk transfers"). Answered
     * with {@link Response.BulkTicket}; a relay without the bulk path answers {@code UNKNOWN_TYPE}.
     */
    record BulkUploadTicket(byte[] attachmentId) implements Request {
        public BulkUploadTicket {
            checkAttachmentId(attachmentId);
        }
    }

    /**
     * Issue #13, the bulk path: asks for a short-lived ticket to download a complete attachment over HTTP
     * ({@code GET /bulk/<hex id>?offset=N}), with the same rule as {@link AttachmentGetShared}: the uploader, a named
     * reader, or anyone whose read {@code token} hashes to the attachment's token hash. Answered with
     * {@link Response.BulkTicket}.
     */
    record BulkDownloadTicket(byte[] attachmentId, byte[] token) implements Request {
        public BulkDownloadTicket {
            checkAttachmentId(attachmentId);
            checkBytes(token, 32, "token");
        }

        @Override
        public String toString() {
            return "BulkDownloadTicket[]";
        }
    }
}
