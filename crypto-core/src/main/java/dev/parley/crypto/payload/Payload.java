package dev.parley.crypto.payload;

/**
 * What travels inside one encrypted ratchet message. Encoded by {@link PayloadCodec}, padded by {@link Padding}
 * before encryption.
 *
 * <p>The records stand in files by feature: {@link MessagePayloads} (texts, reactions, edits, deletes, the timer,
 * files), {@link StatusPayloads} (receipts, typing, presence), {@link ProfilePayloads}, {@link GroupPayloads} and
 * {@link DeviceSyncPayloads}, each a name holder that this interface extends so that every record is named
 * {@code Payload.Text}, {@code Payload.GroupUpdate} and so on; the later payloads are top-level records. Only an
 * import must use a record's canonical name ({@code import dev.parley.crypto.payload.DeviceSyncPayloads.ContactSync.Change}).
 */
public sealed interface Payload
        extends MessagePayloads, StatusPayloads, ProfilePayloads, GroupPayloads, DeviceSyncPayloads
        permits MessagePayloads.Text, MessagePayloads.Reaction, MessagePayloads.Edit, MessagePayloads.Delete,
        MessagePayloads.TimerUpdate, MessagePayloads.Attachment,
        StatusPayloads.DeliveryReceipt, StatusPayloads.ReadReceipt, StatusPayloads.TypingStarted,
        StatusPayloads.TypingStopped, StatusPayloads.Presence,
        ProfilePayloads.Profile, ProfilePayloads.Restored,
        GroupPayloads.GroupUpdate, GroupPayloads.SenderKey, GroupPayloads.GroupMessage, GroupPayloads.GroupTyping,
        GroupPayloads.GroupJoinRequest,
        GroupStateRequest, GroupStateAnswer,
        DeviceSyncPayloads.SentTranscript, DeviceSyncPayloads.ReadSync, DeviceSyncPayloads.ConversationSync,
        DeviceSyncPayloads.ContactSync,
        HistoryChunk,
        GroupTranscript, GroupReadSync, GroupSync, SenderKeySync,
        SettingsSync,
        DeviceUnlinked,
        Payload.Unknown {

    /** Maximum UTF-8 size of a text message body. */
    int MAX_TEXT_BYTES = 60_000;
    /** Maximum number of message ids in one receipt. */
    int MAX_RECEIPT_IDS = 1000;
    /** Maximum UTF-8 size of a reaction's emoji (a long ZWJ sequence fits). */
    int MAX_REACTION_BYTES = 64;
    /** Maximum UTF-8 size of an attachment's caption. */
    int MAX_CAPTION_BYTES = 4096;

    /** The wire type code of this payload. */
    int typeCode();

    /** A payload of a type this client does not know (a later version's type): skip it. The body is discarded. */
    record Unknown(int typeCode) implements Payload {
    }
}
