package dev.parley.crypto.wire;

/**
 * Frames a client sends. The relay answers each one with exactly one {@link Response} carrying the same request
 * id: the type named on each record, or {@link Response.ErrorResponse}. Before authentication only
 * {@link Register} and {@link Authenticate} are accepted.
 *
 * <p>The records stand in files by feature: {@link AccountRequests}, {@link MessageRequests},
 * {@link AttachmentRequests} and {@link LinkedDeviceRequests}, each a name holder that this interface extends so that
 * every record is named {@code Request.Send}, {@code Request.DeviceAdd} and so on (only an import must use the
 * canonical name, {@code MessageRequests.Send}). Their shared checks are {@link RequestChecks}.
 */
public sealed interface Request
        extends Frame, AccountRequests, MessageRequests, AttachmentRequests, LinkedDeviceRequests
        permits AccountRequests.Register, AccountRequests.Authenticate, AccountRequests.FetchBundle,
        AccountRequests.Lookup, AccountRequests.UploadPreKeys, AccountRequests.ReplacePreKeys,
        MessageRequests.Send, MessageRequests.SendEphemeral, MessageRequests.SendMulti, MessageRequests.Ack,
        AttachmentRequests.AttachmentBegin, AttachmentRequests.AttachmentPut, AttachmentRequests.AttachmentStatus,
        AttachmentRequests.AttachmentGet, AttachmentRequests.AttachmentBeginShared,
        AttachmentRequests.AttachmentGetShared, AttachmentRequests.BulkUploadTicket,
        AttachmentRequests.BulkDownloadTicket,
        LinkedDeviceRequests.DeviceAuthenticate, LinkedDeviceRequests.DeviceCredential,
        LinkedDeviceRequests.DeviceAdd, LinkedDeviceRequests.DeviceList, LinkedDeviceRequests.DeviceFetchBundle,
        LinkedDeviceRequests.DeviceSend, LinkedDeviceRequests.DeviceSendEphemeral, LinkedDeviceRequests.DeviceUnlink,
        LinkedDeviceRequests.DeviceRename, LinkedDeviceRequests.LinkOpen, LinkedDeviceRequests.LinkSend {
    /** Largest number of one-time prekeys in one register or upload frame. */
    int MAX_PREKEYS_PER_FRAME = 200;
    /**
     * Largest number of one-time KEM prekeys in one register or upload frame: an ML-KEM-1024 key is 1568 bytes, and
     * a frame must stay within the 16 KiB every relay accepts.
     */
    int MAX_KEM_PREKEYS_PER_FRAME = 5;
    /** Size of a client message id. */
    int CLIENT_MESSAGE_ID_BYTES = 16;
    /** Most recipients of one {@link SendMulti}. */
    int MAX_MULTI_RECIPIENTS = 1000;
    /** Bytes of an attachment id (128 random bits, chosen by the relay). */
    int ATTACHMENT_ID_BYTES = 16;
    /** Most readers of one attachment. */
    int MAX_ATTACHMENT_READERS = 16;
    /** Most devices of one account (docs/protocol.md, "Linked devices"). */
    int MAX_DEVICES = 6;
    /** Largest device name (opaque to the relay: clients seal it). */
    int MAX_DEVICE_NAME_BYTES = 256;
    /** Bytes of a linking channel id. */
    int LINK_CHANNEL_BYTES = 16;
}
