package dev.parley.crypto.wire;

import dev.parley.crypto.prekey.PreKeyBundle;
import java.util.List;
import java.util.Objects;

/** The relay's answer to one {@link Request}, sent with the request's id. */
public sealed interface Response extends Frame {

    /** The request succeeded and has nothing to report. */
    record Ok() implements Response {
    }

    /**
     * The request was rejected. Nothing was changed by it.
     *
     * @param code             stable machine-readable code
     * @param reason           human-readable explanation (never contains the rejected content)
     * @param retryAfterMillis for {@link ErrorCode#RATE_LIMITED} and {@link ErrorCode#QUEUE_FULL}: when to retry; else 0
     */
    record ErrorResponse(ErrorCode code, String reason, long retryAfterMillis) implements Response {
        public ErrorResponse {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The connection is authenticated; queued deliveries follow, then {@link Push.QueueEmpty}.
     *
     * @param oneTimePreKeysRemaining how many of this user's one-time prekeys the relay still holds
     * @param senderCertificate       a fresh {@code SenderCertificate} (serialized) for this user's username and
     *                                identity key, signed with the relay's signing key; put in every sealed envelope
     */
    record Authenticated(int oneTimePreKeysRemaining, byte[] senderCertificate) implements Response {
        public Authenticated {
            if (senderCertificate == null || senderCertificate.length == 0) {
                throw new IllegalArgumentException("senderCertificate: non-empty bytes expected");
            }
        }
    }

    /** A user's prekey bundle; its one-time prekey (if any) has been consumed. */
    record Bundle(String username, PreKeyBundle bundle) implements Response {
        public Bundle {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(bundle, "bundle");
        }
    }

    /**
     * The blob is durably stored for its recipient.
     *
     * @param duplicate true when this client message id was already stored for this recipient (nothing new stored)
     */
    record SendAccepted(boolean duplicate) implements Response {
    }

    /** The outcome for each recipient of a {@link Request.SendMulti}, in request order. */
    record SendMultiResult(List<RecipientOutcome> outcomes) implements Response {
        public SendMultiResult {
            outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
        }
    }

    /**
     * What happened to one recipient of a {@link Request.SendMulti}.
     *
     * @param retryAfterMillis for {@link MultiSendStatus#QUEUE_FULL} and {@link MultiSendStatus#RATE_LIMITED}: when to
     *                         retry this recipient; else 0
     */
    record RecipientOutcome(String to, MultiSendStatus status, long retryAfterMillis) {
        public RecipientOutcome {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(status, "status");
        }
    }

    /** Per-recipient status of a {@link Request.SendMulti}. */
    enum MultiSendStatus {
        /** Stored durably for the recipient. */
        ACCEPTED,
        /** This client message id was already stored for the recipient; nothing new stored. */
        DUPLICATE,
        /** No such account on this relay. */
        UNKNOWN_USER,
        /** The recipient's queue is over quota. */
        QUEUE_FULL,
        /** The sender exceeded a rate limit for this recipient. */
        RATE_LIMITED
    }

    /** Whether the username of a {@link Request.Lookup} is registered on this relay. */
    record LookupResult(boolean exists) implements Response {
    }

    /**
     * How many one-time prekey sets the relay holds for the authenticated user after an upload: the smaller of its
     * one-time prekey and one-time KEM prekey counts (the relay hands both out together).
     */
    record PreKeyCount(int remaining) implements Response {
    }

    /**
     * Room for an attachment is reserved under {@code attachmentId}; upload its chunks in order.
     *
     * @param chunkBytes      ciphertext bytes of every chunk but the last
     * @param expiresAtMillis when the relay deletes it (epoch milliseconds)
     */
    record AttachmentCreated(byte[] attachmentId, int chunkBytes, long expiresAtMillis) implements Response {
        public AttachmentCreated {
            if (attachmentId == null || attachmentId.length != Request.ATTACHMENT_ID_BYTES) {
                throw new IllegalArgumentException("attachmentId: 16 bytes expected");
            }
        }
    }

    /** How many chunks of an upload the relay holds; {@code complete} once the last one is in and it is downloadable. */
    record AttachmentProgress(long chunksConfirmed, boolean complete) implements Response {
    }

    /** One ciphertext chunk of an attachment. */
    record AttachmentChunk(long index, byte[] chunk, long totalChunks) implements Response {
        public AttachmentChunk {
            Objects.requireNonNull(chunk, "chunk");
        }

        @Override
        public String toString() {
            return "AttachmentChunk[" + index + " of " + totalChunks + "]";
        }
    }

    /**
     * Issue #13: a ticket for one HTTP transfer of one attachment's body on the relay's listener (docs/protocol.md,
     * "Bulk transfers"), sent as {@code Authorization: Bearer <base64url ticket>}; valid until {@code expiresAtMillis}.
     */
    record BulkTicket(byte[] ticket, long expiresAtMillis) implements Response {
        public BulkTicket {
            if (ticket == null || ticket.length == 0 || ticket.length > 512) {
                throw new IllegalArgumentException("ticket: 1 to 512 bytes expected");
            }
        }

        @Override
        public String toString() {
            return "BulkTicket[]";
        }
    }

    /** A device was added under the account. */
    record DeviceAdded(int deviceId) implements Response {
    }

    /** An account's current devices in id order; {@code name} empty and times 0 for another account's devices. */
    record DeviceListResult(String username, List<DeviceInfo> devices) implements Response {
        public DeviceListResult {
            Objects.requireNonNull(username, "username");
            devices = List.copyOf(Objects.requireNonNull(devices, "devices"));
        }
    }

    /** One device of a {@link DeviceListResult}. */
    record DeviceInfo(int deviceId, byte[] name, long createdAtMillis, long lastSeenAtMillis) {
        public DeviceInfo {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A send named other devices than the recipient's current ones: nothing was stored. {@code devices} is the
     * current list (without the sender's own device); encrypt for it and retry with the same client message id.
     */
    record DeviceListStale(String to, List<Integer> devices) implements Response {
        public DeviceListStale {
            Objects.requireNonNull(to, "to");
            devices = List.copyOf(Objects.requireNonNull(devices, "devices"));
        }
    }
}
