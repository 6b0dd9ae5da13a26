package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Binary encoding of {@link Payload}s (before padding):
 * <pre>
 * offset 0  u8   format version = 1
 * offset 1  u16  type code ({@link PayloadType})
 * offset 3  u32  body length n
 * offset 7  n    body
 * </pre>
 * Bodies: TEXT, RICH_TEXT, REACTION, EDIT, DELETE and TIMER_UPDATE: {@link MessageBodies}; ATTACHMENT:
 * {@link AttachmentBody} (docs/protocol.md 1.11); DELIVERY_RECEIPT, READ_RECEIPT, TYPING_STARTED, TYPING_STOPPED and
 * PRESENCE: {@link StatusBodies}; PROFILE and RESTORED: {@link ProfileBodies}; GROUP_CHANGE, SENDER_KEY,
 * GROUP_MESSAGE, GROUP_TYPING, GROUP_JOIN_REQUEST, GROUP_STATE_REQUEST and GROUP_STATE: {@link GroupBodies}
 * (docs/protocol.md 1.15).
 * SENT_TRANSCRIPT = u8 L || recipient username (ASCII, L) || the original payload's whole encoding (rest).
 * READ_SYNC = u8 L || peer username (ASCII, L) || u16 count (1..1000) || count * message id (16).
 * CONVERSATION_SYNC and CONTACT_SYNC: {@link SyncBodies}.
 * HISTORY_CHUNK: {@link HistoryBodies} ({@link HistoryChunk}).
 * GROUP_TRANSCRIPT, GROUP_READ_SYNC, GROUP_SYNC and SENDER_KEY_SYNC: {@link GroupSyncBodies}.
 * SETTINGS_SYNC: {@link SettingsSyncBodies}.
 * DEVICE_UNLINKED = device id (u32, >= 1).
 * Nothing may follow the body. An unknown type code decodes to {@link Payload.Unknown}; an unknown version is
 * an {@link UnsupportedVersionException}.
 */
public final class PayloadCodec {
    public static final byte VERSION = 1;
    static final int HEADER_BYTES = 7;

    private PayloadCodec() {
    }

    public static byte[] encode(Payload payload) {
        byte[] body = body(payload);
        return ByteBuffer.allocate(HEADER_BYTES + body.length).put(VERSION).putShort((short) payload.typeCode())
                .putInt(body.length).put(body).array();
    }

    public static Payload decode(byte[] encoded) throws InvalidMessageException, UnsupportedVersionException {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            byte version = in.get();
            if (version != VERSION) {
                throw new UnsupportedVersionException("payload: unknown format version " + version);
            }
            int type = Short.toUnsignedInt(in.getShort());
            int length = in.getInt();
            if (length < 0 || length != in.remaining()) {
                throw new InvalidMessageException("payload: body length does not match");
            }
            return decodeBody(type, in);
        } catch (BufferUnderflowException e) {
            throw new InvalidMessageException("payload: truncated");
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("payload: invalid field values");
        }
    }

    private static Payload decodeBody(int type, ByteBuffer in) throws InvalidMessageException {
        PayloadType known = PayloadType.fromCode(type).orElse(null);
        if (known == null) {
            return new Payload.Unknown(type);
        }
        switch (known) {
            case TEXT:
                return MessageBodies.decodeText(in);
            case RICH_TEXT:
                return MessageBodies.decodeRichText(in);
            case REACTION:
                return MessageBodies.decodeReaction(in);
            case EDIT:
                return MessageBodies.decodeEdit(in);
            case DELETE:
                return MessageBodies.decodeDelete(in);
            case TIMER_UPDATE:
                return MessageBodies.decodeTimer(in);
            case ATTACHMENT:
                return AttachmentBody.decode(in);
            case DELIVERY_RECEIPT:
                return new Payload.DeliveryReceipt(StatusBodies.readIds(in));
            case READ_RECEIPT:
                return new Payload.ReadReceipt(StatusBodies.readIds(in));
            case TYPING_STARTED:
                requireEnd(in);
                return new Payload.TypingStarted();
            case TYPING_STOPPED:
                requireEnd(in);
                return new Payload.TypingStopped();
            case PRESENCE:
                return StatusBodies.decodePresence(in);
            case PROFILE:
                return ProfileBodies.decodeProfile(in);
            case RESTORED:
                return ProfileBodies.decodeRestored(in);
            case GROUP_CHANGE:
                return GroupBodies.decodeUpdate(in);
            case SENDER_KEY:
                return GroupBodies.decodeSenderKey(in);
            case GROUP_MESSAGE:
                return GroupBodies.decodeMessage(in);
            case GROUP_TYPING:
                return GroupBodies.decodeTyping(in);
            case GROUP_JOIN_REQUEST:
                return GroupBodies.decodeJoinRequest(in);
            case GROUP_STATE_REQUEST:
                return GroupBodies.decodeStateRequest(in);
            case GROUP_STATE:
                return GroupBodies.decodeStateAnswer(in);
            case SENT_TRANSCRIPT:
                return SyncBodies.decodeTranscript(in);
            case READ_SYNC:
                return new Payload.ReadSync(SyncBodies.username(in), StatusBodies.readIds(in));
            case CONVERSATION_SYNC:
                return SyncBodies.decodeConversation(in);
            case CONTACT_SYNC:
                return SyncBodies.decodeContact(in);
            case HISTORY_CHUNK:
                return HistoryBodies.decodeChunk(in);
            case GROUP_TRANSCRIPT:
                return GroupSyncBodies.decodeTranscript(in);
            case GROUP_READ_SYNC:
                return GroupSyncBodies.decodeReadSync(in);
            case GROUP_SYNC:
                return GroupSyncBodies.decodeGroupSync(in);
            case SENDER_KEY_SYNC:
                return GroupSyncBodies.decodeSenderKeySync(in);
            case SETTINGS_SYNC:
                return SettingsSyncBodies.decode(in);
            case DEVICE_UNLINKED: {
                int device = in.getInt();
                requireEnd(in);
                return new DeviceUnlinked(device);
            }
            default:
                return new Payload.Unknown(type);
        }
    }

    private static byte[] body(Payload payload) {
        if (payload instanceof Payload.Text text) {
            return MessageBodies.text(text);
        } else if (payload instanceof Payload.TimerUpdate timer) {
            return MessageBodies.timer(timer);
        } else if (payload instanceof Payload.DeliveryReceipt receipt) {
            return StatusBodies.ids(receipt.ids());
        } else if (payload instanceof Payload.ReadReceipt receipt) {
            return StatusBodies.ids(receipt.ids());
        } else if (payload instanceof Payload.Reaction reaction) {
            return MessageBodies.reaction(reaction);
        } else if (payload instanceof Payload.Edit edit) {
            return MessageBodies.edit(edit);
        } else if (payload instanceof Payload.Delete delete) {
            return MessageBodies.delete(delete);
        } else if (payload instanceof Payload.Attachment attachment) {
            return AttachmentBody.encode(attachment);
        } else if (payload instanceof Payload.Profile profile) {
            return ProfileBodies.profile(profile);
        } else if (payload instanceof Payload.GroupUpdate update) {
            return dev.parley.crypto.group.GroupCodec.encodeChange(update.change());
        } else if (payload instanceof Payload.SenderKey key) {
            return key.distribution().serialize();
        } else if (payload instanceof Payload.GroupMessage message) {
            return message.message().serialize();
        } else if (payload instanceof Payload.GroupTyping typing) {
            return GroupBodies.typing(typing);
        } else if (payload instanceof Payload.GroupJoinRequest join) {
            return GroupBodies.joinRequest(join);
        } else if (payload instanceof GroupStateRequest request) {
            return GroupBodies.stateRequest(request);
        } else if (payload instanceof GroupStateAnswer answer) {
            return dev.parley.crypto.group.GroupCodec.encodeSnapshot(answer.snapshot());
        } else if (payload instanceof Payload.Presence presence) {
            return StatusBodies.presence(presence);
        } else if (payload instanceof Payload.Restored restored) {
            return ProfileBodies.restored(restored);
        } else if (payload instanceof Payload.SentTranscript transcript) {
            return SyncBodies.transcript(transcript);
        } else if (payload instanceof Payload.ConversationSync sync) {
            return SyncBodies.conversation(sync);
        } else if (payload instanceof Payload.ContactSync sync) {
            return SyncBodies.contact(sync);
        } else if (payload instanceof HistoryChunk chunk) {
            return HistoryBodies.chunk(chunk);
        } else if (payload instanceof GroupTranscript transcript) {
            return GroupSyncBodies.transcript(transcript);
        } else if (payload instanceof GroupReadSync sync) {
            return GroupSyncBodies.readSync(sync);
        } else if (payload instanceof GroupSync sync) {
            return GroupSyncBodies.groupSync(sync);
        } else if (payload instanceof SenderKeySync sync) {
            return GroupSyncBodies.senderKeySync(sync);
        } else if (payload instanceof SettingsSync sync) {
            return SettingsSyncBodies.encode(sync);
        } else if (payload instanceof DeviceUnlinked unlinked) {
            return ByteBuffer.allocate(4).putInt(unlinked.deviceId()).array();
        } else if (payload instanceof Payload.ReadSync sync) {
            byte[] name = sync.peer().getBytes(StandardCharsets.US_ASCII);
            byte[] ids = StatusBodies.ids(sync.ids());
            return ByteBuffer.allocate(1 + name.length + ids.length).put((byte) name.length).put(name).put(ids).array();
        } else if (payload instanceof Payload.Unknown) {
            throw new IllegalArgumentException("an unknown payload cannot be sent");
        }
        return new byte[0];
    }

    /** The rest of the body. */
    static byte[] rest(ByteBuffer in) {
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return bytes;
    }

    static MessageId readId(ByteBuffer in) {
        byte[] id = new byte[MessageId.BYTES];
        in.get(id);
        return new MessageId(id);
    }

    static void requireEnd(ByteBuffer in) throws InvalidMessageException {
        if (in.hasRemaining()) {
            throw new InvalidMessageException("payload: unexpected bytes after body");
        }
    }

    static String strictUtf8(byte[] bytes) throws InvalidMessageException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidMessageException("payload: text is not valid UTF-8");
        }
    }
}
