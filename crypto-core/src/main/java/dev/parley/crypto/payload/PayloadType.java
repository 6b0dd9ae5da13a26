package dev.parley.crypto.payload;

import java.util.Optional;

/**
 * The registry of payload type codes (u16 on the wire). Codes 16 and up are reserved for later types; a receiver
 * that does not know a code decodes it as {@link Payload.Unknown} and skips it.
 */
public enum PayloadType {
    TEXT(1),
    DELIVERY_RECEIPT(2),
    READ_RECEIPT(3),
    TYPING_STARTED(4),
    TYPING_STOPPED(5),
    /** {@link Payload.Attachment}. */
    ATTACHMENT(16),
    /** {@link Payload.Edit}. */
    EDIT(17),
    /** {@link Payload.Reaction}. */
    REACTION(18),
    /** {@link Payload.Delete}. */
    DELETE(19),
    /** {@link Payload.Text} that replies to a message or carries a disappearing-messages timer. */
    RICH_TEXT(20),
    /** {@link Payload.TimerUpdate}. */
    TIMER_UPDATE(21),
    /** {@link Payload.Profile} (issue #14). */
    PROFILE(24),
    /** {@link Payload.Presence} (issue #14). */
    PRESENCE(25),
    /** {@link Payload.Restored} (issue #17). */
    RESTORED(28),
    /** {@link Payload.GroupUpdate} (issue #15). */
    GROUP_CHANGE(32),
    /** {@link Payload.SenderKey} (issue #15). */
    SENDER_KEY(33),
    /** {@link Payload.GroupMessage} (issue #15). */
    GROUP_MESSAGE(34),
    /** {@link Payload.GroupJoinRequest} (issue #15, invite links). */
    GROUP_JOIN_REQUEST(35),
    /** {@link GroupStateRequest} (issue #15, resynchronisation). */
    GROUP_STATE_REQUEST(36),
    /** {@link GroupStateAnswer} (issue #15, resynchronisation). */
    GROUP_STATE(37),
    /** {@link Payload.GroupTyping} (issue #15). */
    GROUP_TYPING(38),
    /** {@link Payload.SentTranscript} (issue #17, linked devices). */
    SENT_TRANSCRIPT(40),
    /** {@link Payload.ReadSync} (issue #17, linked devices). */
    READ_SYNC(42),
    /** {@link Payload.ConversationSync} (issue #17, linked devices). */
    CONVERSATION_SYNC(41),
    /** {@link Payload.ContactSync} (issue #17, linked devices). */
    CONTACT_SYNC(43),
    /** {@link HistoryChunk} (issue #17, history transfer at link time). */
    HISTORY_CHUNK(48),
    /** {@link GroupTranscript} (issue #17, linked devices: groups). */
    GROUP_TRANSCRIPT(44),
    /** {@link GroupReadSync} (issue #17, linked devices: groups). */
    GROUP_READ_SYNC(45),
    /** {@link GroupSync} (issue #17, linked devices: groups). */
    GROUP_SYNC(46),
    /** {@link SenderKeySync} (issue #17, linked devices: groups). */
    SENDER_KEY_SYNC(47),
    /** {@link SettingsSync} (issue #17, linked devices: settings that follow the account). */
    SETTINGS_SYNC(49),
    /** {@link DeviceUnlinked} (issue #17, linked devices: re-keying groups when a device is unlinked). */
    DEVICE_UNLINKED(50);

    private final int code;

    PayloadType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PayloadType> fromCode(int code) {
        for (PayloadType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
