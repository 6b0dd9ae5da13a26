package dev.parley.crypto.wire;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.util.List;
import java.util.Objects;

/**
 * Frames a client sends. The relay answers each one with exactly one {@link Response} carrying the same request
 * id: the type named on each record, or {@link Response.ErrorResponse}. Before authentication only
 * {@link Register} and {@link Authenticate} are accepted.
 */
public sealed interface Request extends Frame {
    /** Largest number of one-time prekeys in one register or upload frame. */
    int MAX_PREKEYS_PER_FRAME = 200;
    /**
     * Largest number of one-time KEM prekeys in one register or upload frame: an ML-KEM-1024 key is 1568 bytes, and
     * a frame must stay within the 16 KiB every relay accepts.
     */
    int MAX_KEM_PREKEYS_PER_FRAME = 5;
    /** Size of a client message id. */
    int CLIENT_MESSAGE_ID_BYTES = 16;

    /**
     * Creates an account. Answered with {@link Response.Ok}. The relay verifies the signed prekey's and every KEM
     * prekey's signature against the identity key, and {@code proof}: the identity key's Ed25519 signature over
     * {@link AuthProof#registrationMessage(byte[], String)} for this relay's id and the username (possession of the
     * key). Registration does not authenticate the connection.
     *
     * @param lastResortKemPreKey the KEM prekey handed out when no one-time KEM prekey is left (required)
     * @param kemPreKeys          one-time KEM prekeys, at most {@link #MAX_KEM_PREKEYS_PER_FRAME}
     * @param inviteCode          required when the relay is invite-only, otherwise ignored; may be null
     */
    record Register(String username, byte[] identityKey, SignedPreKeyPublic signedPreKey,
                    List<OneTimePreKeyPublic> oneTimePreKeys, KemPreKeyPublic lastResortKemPreKey,
                    List<KemPreKeyPublic> kemPreKeys, String inviteCode, byte[] proof) implements Request {
        public Register {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(signedPreKey, "signedPreKey");
            Objects.requireNonNull(lastResortKemPreKey, "lastResortKemPreKey");
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
            kemPreKeys = checkKemPreKeys(kemPreKeys);
            if (identityKey == null || identityKey.length != 32) {
                throw new IllegalArgumentException("identityKey: 32 bytes expected");
            }
            if (proof == null || proof.length != 64) {
                throw new IllegalArgumentException("proof: 64 bytes expected");
            }
        }
    }

    /**
     * Answers the latest {@link Push.Challenge} with an Ed25519 signature over
     * {@link AuthProof#signedMessage(byte[], byte[], String, byte[])}. Answered with {@link Response.Authenticated}.
     */
    record Authenticate(String username, byte[] signature) implements Request {
        public Authenticate {
            Objects.requireNonNull(username, "username");
            if (signature == null || signature.length != 64) {
                throw new IllegalArgumentException("signature: 64 bytes expected");
            }
        }
    }

    /**
     * Fetches a user's prekey bundle, consuming one one-time prekey and one one-time KEM prekey (within the relay's
     * per-target fetch limit). Answered with {@link Response.Bundle}.
     */
    record FetchBundle(String username) implements Request {
        public FetchBundle {
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * Asks whether a username is registered (issue #14: exact-username lookup, authenticated clients only, rate limited
     * per account; never a list or a prefix search). Answered with {@link Response.LookupResult}; consumes nothing.
     */
    record Lookup(String username) implements Request {
        public Lookup {
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * Adds one-time prekeys and one-time KEM prekeys and optionally replaces the signed prekey and the last-resort
     * KEM prekey. Answered with {@link Response.PreKeyCount}.
     *
     * @param signedPreKey        a new signed prekey, or null to keep the current one
     * @param lastResortKemPreKey a new last-resort KEM prekey, or null to keep the current one
     * @param kemPreKeys          one-time KEM prekeys, at most {@link #MAX_KEM_PREKEYS_PER_FRAME}
     */
    record UploadPreKeys(SignedPreKeyPublic signedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys,
                         KemPreKeyPublic lastResortKemPreKey, List<KemPreKeyPublic> kemPreKeys) implements Request {
        public UploadPreKeys {
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
            kemPreKeys = checkKemPreKeys(kemPreKeys);
        }

        /** An upload of one-time prekeys only. */
        public UploadPreKeys(SignedPreKeyPublic signedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys) {
            this(signedPreKey, oneTimePreKeys, null, List.of());
        }
    }

    /**
     * Issue #17: replaces, in one step, everything the relay holds of the user's prekeys: every one-time prekey and
     * one-time KEM prekey is dropped and the given ones take their place, and the signed prekey and the last-resort
     * KEM prekey are replaced. Sent by a profile restored from a backup, whose private halves of the old keys are gone.
     * Answered with {@link Response.PreKeyCount}.
     *
     * @param signedPreKey        the new signed prekey (required)
     * @param lastResortKemPreKey the new last-resort KEM prekey (required)
     * @param kemPreKeys          one-time KEM prekeys, at most {@link #MAX_KEM_PREKEYS_PER_FRAME}
     */
    record ReplacePreKeys(SignedPreKeyPublic signedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys,
                          KemPreKeyPublic lastResortKemPreKey, List<KemPreKeyPublic> kemPreKeys) implements Request {
        public ReplacePreKeys {
            Objects.requireNonNull(signedPreKey, "signedPreKey");
            Objects.requireNonNull(lastResortKemPreKey, "lastResortKemPreKey");
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
            kemPreKeys = checkKemPreKeys(kemPreKeys);
        }
    }

    /**
     * Queues a sealed blob for {@code to}. Answered with {@link Response.SendAccepted} once the blob is stored;
     * a repeated {@code clientMessageId} for the same recipient is accepted again without storing a second copy.
     *
     * @param clientMessageId 16 random bytes chosen by the sender, for idempotent retries
     * @param blob            opaque sealed bytes; the relay never looks inside
     */
    record Send(String to, byte[] clientMessageId, byte[] blob) implements Request {
        public Send {
            Objects.requireNonNull(to, "to");
            if (clientMessageId == null || clientMessageId.length != CLIENT_MESSAGE_ID_BYTES) {
                throw new IllegalArgumentException("clientMessageId: 16 bytes expected");
            }
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }

    /**
     * An ephemeral frame (typing, presence): pushed to {@code to} as {@link Push.Ephemeral} if online, never stored.
     * Answered with {@link Response.Ok} whether or not the recipient was online.
     */
    record SendEphemeral(String to, byte[] blob) implements Request {
        public SendEphemeral {
            Objects.requireNonNull(to, "to");
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }

    /** Most recipients of one {@link SendMulti}. */
    int MAX_MULTI_RECIPIENTS = 1000;

    /**
     * Queues one shared {@code body} for several recipients at once (group messages, issue #15): one upload instead
     * of one {@link Send} per recipient. For each recipient the relay stores that recipient's sealed {@code header}
     * together with the body and delivers them as one {@link Push.Deliver} whose blob is a {@link MultiRecipientBlob}.
     * Each recipient follows the rules of {@link Send} (durability, dedupe by client message id per recipient, ack,
     * quota). Answered with {@link Response.SendMultiResult}: one outcome per recipient, in request order; a recipient
     * that is unknown or over quota does not fail the others. The relay sees a list of recipients, never a group.
     */
    record SendMulti(List<MultiRecipient> recipients, byte[] body) implements Request {
        public SendMulti {
            recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
            if (recipients.isEmpty() || recipients.size() > MAX_MULTI_RECIPIENTS) {
                throw new IllegalArgumentException("recipients: 1 to " + MAX_MULTI_RECIPIENTS + " expected");
            }
            if (recipients.stream().map(MultiRecipient::to).distinct().count() != recipients.size()) {
                throw new IllegalArgumentException("recipients: each recipient at most once");
            }
            if (body == null || body.length == 0) {
                throw new IllegalArgumentException("body: non-empty bytes expected");
            }
        }

        @Override
        public String toString() {
            return "SendMulti[" + recipients.size() + " recipients, " + body.length + " bytes]";
        }
    }

    /**
     * One recipient of a {@link SendMulti}.
     *
     * @param clientMessageId 16 random bytes chosen by the sender, for idempotent retries (per recipient)
     * @param header          opaque sealed bytes for this recipient only; the relay never looks inside
     */
    record MultiRecipient(String to, byte[] clientMessageId, byte[] header) {
        public MultiRecipient {
            Objects.requireNonNull(to, "to");
            if (clientMessageId == null || clientMessageId.length != CLIENT_MESSAGE_ID_BYTES) {
                throw new IllegalArgumentException("clientMessageId: 16 bytes expected");
            }
            if (header == null || header.length == 0) {
                throw new IllegalArgumentException("header: non-empty bytes expected");
            }
        }
    }

    /** Acknowledges a {@link Push.Deliver}; the relay then deletes the blob. Answered with {@link Response.Ok}. */
    record Ack(long messageId) implements Request {
    }

    /** Bytes of an attachment id (128 random bits, chosen by the relay). */
    int ATTACHMENT_ID_BYTES = 16;
    /** Most readers of one attachment. */
    int MAX_ATTACHMENT_READERS = 16;

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

    /** Most devices of one account (docs/protocol.md, "Linked devices"). */
    int MAX_DEVICES = 6;
    /** Largest device name (opaque to the relay: clients seal it). */
    int MAX_DEVICE_NAME_BYTES = 256;

    /**
     * Logs a device in: its credential key's signature over {@link AuthProof#deviceMessage}. Answered with
     * {@link Response.Authenticated}.
     */
    record DeviceAuthenticate(String username, int deviceId, byte[] signature) implements Request {
        public DeviceAuthenticate {
            Objects.requireNonNull(username, "username");
            checkDeviceId(deviceId);
            checkBytes(signature, 64, "signature");
        }
    }

    /** Replaces the calling device's credential key; {@code proof} by the new key ({@link AuthProof#deviceCredentialMessage}). */
    record DeviceCredential(byte[] credentialKey, byte[] proof) implements Request {
        public DeviceCredential {
            checkBytes(credentialKey, 32, "credentialKey");
            checkBytes(proof, 64, "proof");
        }
    }

    /**
     * Registers a new device under the caller's account (sent by an existing device once its user confirmed the new
     * one). Answered with {@link Response.DeviceAdded}; {@code proof} by the new credential key
     * ({@link AuthProof#deviceAddMessage}); the prekeys are signed by the account's identity key.
     */
    record DeviceAdd(byte[] credentialKey, byte[] name, SignedPreKeyPublic signedPreKey,
                     List<OneTimePreKeyPublic> oneTimePreKeys, KemPreKeyPublic lastResortKemPreKey,
                     List<KemPreKeyPublic> kemPreKeys, byte[] proof) implements Request {
        public DeviceAdd {
            checkBytes(credentialKey, 32, "credentialKey");
            checkBytes(proof, 64, "proof");
            if (name == null || name.length > MAX_DEVICE_NAME_BYTES) {
                throw new IllegalArgumentException("name: at most " + MAX_DEVICE_NAME_BYTES + " bytes expected");
            }
            Objects.requireNonNull(signedPreKey, "signedPreKey");
            Objects.requireNonNull(lastResortKemPreKey, "lastResortKemPreKey");
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
            kemPreKeys = checkKemPreKeys(kemPreKeys);
        }
    }

    /** The current devices of an account. Answered with {@link Response.DeviceListResult}. */
    record DeviceList(String username) implements Request {
        public DeviceList {
            Objects.requireNonNull(username, "username");
        }
    }

    /** One device's prekey bundle, as {@link FetchBundle} (device 1's). Answered with {@link Response.Bundle}. */
    record DeviceFetchBundle(String username, int deviceId) implements Request {
        public DeviceFetchBundle {
            Objects.requireNonNull(username, "username");
            checkDeviceId(deviceId);
        }
    }

    /**
     * One message to every current device of {@code to} (less the sender's own): a sealed copy each. Answered with
     * {@link Response.SendAccepted}, or {@link Response.DeviceListStale} when the copies do not name exactly the
     * current devices (nothing is stored then).
     */
    record DeviceSend(String to, byte[] clientMessageId, List<DeviceCopy> copies) implements Request {
        public DeviceSend {
            Objects.requireNonNull(to, "to");
            checkBytes(clientMessageId, CLIENT_MESSAGE_ID_BYTES, "clientMessageId");
            copies = List.copyOf(Objects.requireNonNull(copies, "copies"));
            if (copies.isEmpty() || copies.size() > MAX_DEVICES) {
                throw new IllegalArgumentException("copies: 1 to " + MAX_DEVICES + " expected");
            }
            if (copies.stream().map(DeviceCopy::deviceId).distinct().count() != copies.size()) {
                throw new IllegalArgumentException("copies: each device at most once");
            }
        }
    }

    /**
     * An ephemeral payload (typing, presence) to every current device of {@code to} (less the sender's own): a sealed
     * copy each, pushed to the devices that are connected and dropped for the others, as {@link SendEphemeral}.
     * Answered with {@link Response.Ok}, or {@link Response.DeviceListStale} when the copies do not name exactly the
     * current devices (nothing is pushed then).
     */
    record DeviceSendEphemeral(String to, List<DeviceCopy> copies) implements Request {
        public DeviceSendEphemeral {
            Objects.requireNonNull(to, "to");
            copies = List.copyOf(Objects.requireNonNull(copies, "copies"));
            if (copies.isEmpty() || copies.size() > MAX_DEVICES) {
                throw new IllegalArgumentException("copies: 1 to " + MAX_DEVICES + " expected");
            }
            if (copies.stream().map(DeviceCopy::deviceId).distinct().count() != copies.size()) {
                throw new IllegalArgumentException("copies: each device at most once");
            }
        }
    }

    /** One device's sealed copy of a {@link DeviceSend} or {@link DeviceSendEphemeral}. */
    record DeviceCopy(int deviceId, byte[] blob) {
        public DeviceCopy {
            checkDeviceId(deviceId);
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }

    /** Unlinks a device of the caller's account (itself included, never the last one). Answered with {@link Response.Ok}. */
    record DeviceUnlink(int deviceId) implements Request {
        public DeviceUnlink {
            checkDeviceId(deviceId);
        }
    }

    /**
     * Renames the calling device (issue #17, Settings > Devices): its new name, sealed by the client like
     * {@link DeviceAdd}'s (opaque to the relay, at most {@link #MAX_DEVICE_NAME_BYTES}). Answered with
     * {@link Response.Ok}.
     */
    record DeviceRename(byte[] name) implements Request {
        public DeviceRename {
            if (name == null || name.length == 0 || name.length > MAX_DEVICE_NAME_BYTES) {
                throw new IllegalArgumentException("name: 1 to " + MAX_DEVICE_NAME_BYTES + " bytes expected");
            }
        }
    }

    /** Bytes of a linking channel id. */
    int LINK_CHANNEL_BYTES = 16;

    /**
     * Opens a linking channel (an authenticated, existing device; docs/protocol.md "Linked devices"): messages a new
     * device sends on it reach this connection. Answered with {@link Response.Ok}.
     */
    record LinkOpen(byte[] channel) implements Request {
        public LinkOpen {
            checkBytes(channel, LINK_CHANNEL_BYTES, "channel");
        }
    }

    /**
     * Sends a linking message on a channel, also before authentication (the new device has no account yet): to the
     * new device from the channel's opener, to the opener from anyone else (the first such connection becomes the
     * channel's new device). Pushed as {@link Push.LinkMessage}; answered with {@link Response.Ok}.
     */
    record LinkSend(byte[] channel, byte[] blob) implements Request {
        public LinkSend {
            checkBytes(channel, LINK_CHANNEL_BYTES, "channel");
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }

    private static void checkDeviceId(int deviceId) {
        if (deviceId < 1) {
            throw new IllegalArgumentException("deviceId: 1 or more expected");
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

    private static void checkBytes(byte[] value, int length, String name) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(name + ": " + length + " bytes expected");
        }
    }

    private static void checkAttachmentId(byte[] attachmentId) {
        if (attachmentId == null || attachmentId.length != ATTACHMENT_ID_BYTES) {
            throw new IllegalArgumentException("attachmentId: 16 bytes expected");
        }
    }

    private static List<KemPreKeyPublic> checkKemPreKeys(List<KemPreKeyPublic> keys) {
        if (keys == null) {
            return List.of();
        }
        if (keys.size() > MAX_KEM_PREKEYS_PER_FRAME) {
            throw new IllegalArgumentException("at most " + MAX_KEM_PREKEYS_PER_FRAME + " KEM prekeys per frame");
        }
        return List.copyOf(keys);
    }

    private static List<OneTimePreKeyPublic> checkPreKeys(List<OneTimePreKeyPublic> keys) {
        if (keys == null) {
            return List.of();
        }
        if (keys.size() > MAX_PREKEYS_PER_FRAME) {
            throw new IllegalArgumentException("at most " + MAX_PREKEYS_PER_FRAME + " one-time prekeys per frame");
        }
        return List.copyOf(keys);
    }
}
