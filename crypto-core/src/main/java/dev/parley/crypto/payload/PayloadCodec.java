package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary encoding of {@link Payload}s (before padding):
 * <pre>
 * offset 0  u8   format version = 1
 * offset 1  u16  type code ({@link PayloadType})
 * offset 3  u32  body length n
 * offset 7  n    body
 * </pre>
 * Bodies: TEXT = message id (16) || sentAtMillis (i64) || UTF-8 text (rest of body); DELIVERY_RECEIPT and
 * READ_RECEIPT = u16 count (1..1000) || count * message id (16); TYPING_STARTED and TYPING_STOPPED = empty;
 * REACTION = target message id (16) || u8 flags (bit 0: remove; the others 0) || UTF-8 emoji (rest, 1..64 bytes).
 * EDIT = target message id (16) || editedAtMillis (i64) || UTF-8 text (rest, 1..60000 bytes).
 * DELETE = target message id (16) || deletedAtMillis (i64).
 * RICH_TEXT = message id (16) || sentAtMillis (i64) || u8 flags (bit 0: a quoted id follows; the others 0)
 * || [quoted message id (16)] || u32 timer seconds || UTF-8 text (rest). A text without reply and timer is a TEXT.
 * TIMER_UPDATE = u32 seconds || setAtMillis (i64).
 * ATTACHMENT = message id (16) || sentAtMillis (i64) || attachment id (16) || key (32) || digest (32) || size (u64)
 * || width (u32) || height (u32) || u16 + UTF-8 file name || u16 + UTF-8 content type || u16 + thumbnail || UTF-8
 * caption (rest); see docs/protocol.md 1.11.
 * PROFILE = version (i64, positive) || u8 n || UTF-8 display name (n) || u16 m (at most 1024) || UTF-8 about (m)
 * || avatar image bytes (rest, at most 48 KiB).
 * GROUP_CHANGE = a signed group change (GroupCodec); SENDER_KEY = a SenderKeyDistribution; GROUP_MESSAGE = a
 * SenderKeyMessage (docs/protocol.md 1.15). GROUP_JOIN_REQUEST = group id (16) || proof (32) (1.15.5).
 * GROUP_STATE_REQUEST = group id (16) || revision (i64 >= 1); GROUP_STATE = a signed group snapshot (1.15.2).
 * PRESENCE = u8 flags (bit 0: online; bit 1: reply wanted; the others 0).
 * RESTORED = message id (16) || restoredAtMillis (i64).
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
    private static final int REACTION_REMOVE = 1;
    private static final int RICH_TEXT_QUOTE = 1;
    private static final int PRESENCE_ONLINE = 1;
    private static final int PRESENCE_REPLY_WANTED = 2;

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
            case TEXT: {
                MessageId id = readId(in);
                long sentAt = in.getLong();
                byte[] text = new byte[in.remaining()];
                in.get(text);
                return new Payload.Text(id, sentAt, strictUtf8(text));
            }
            case DELIVERY_RECEIPT:
                return new Payload.DeliveryReceipt(readIds(in));
            case READ_RECEIPT:
                return new Payload.ReadReceipt(readIds(in));
            case TYPING_STARTED:
                requireEnd(in);
                return new Payload.TypingStarted();
            case TYPING_STOPPED:
                requireEnd(in);
                return new Payload.TypingStopped();
            case REACTION: {
                MessageId target = readId(in);
                int flags = Byte.toUnsignedInt(in.get());
                if ((flags & ~REACTION_REMOVE) != 0) {
                    throw new InvalidMessageException("payload: unknown reaction flags");
                }
                byte[] emoji = new byte[in.remaining()];
                in.get(emoji);
                return new Payload.Reaction(target, strictUtf8(emoji), (flags & REACTION_REMOVE) != 0);
            }
            case EDIT: {
                MessageId target = readId(in);
                long editedAt = in.getLong();
                byte[] text = new byte[in.remaining()];
                in.get(text);
                return new Payload.Edit(target, editedAt, strictUtf8(text));
            }
            case RICH_TEXT: {
                MessageId id = readId(in);
                long sentAt = in.getLong();
                int flags = Byte.toUnsignedInt(in.get());
                if ((flags & ~RICH_TEXT_QUOTE) != 0) {
                    throw new InvalidMessageException("payload: unknown text flags");
                }
                MessageId quoted = (flags & RICH_TEXT_QUOTE) != 0 ? readId(in) : null;
                long timer = Integer.toUnsignedLong(in.getInt());
                byte[] text = new byte[in.remaining()];
                in.get(text);
                Payload.Text decoded = new Payload.Text(id, sentAt, strictUtf8(text), quoted, timer);
                if (!decoded.isRich()) {
                    throw new InvalidMessageException("payload: a plain text must be a TEXT");
                }
                return decoded;
            }
            case TIMER_UPDATE: {
                long seconds = Integer.toUnsignedLong(in.getInt());
                long setAt = in.getLong();
                requireEnd(in);
                return new Payload.TimerUpdate(seconds, setAt);
            }
            case DELETE: {
                MessageId target = readId(in);
                long deletedAt = in.getLong();
                requireEnd(in);
                return new Payload.Delete(target, deletedAt);
            }
            case ATTACHMENT:
                return AttachmentBody.decode(in);
            case PROFILE:
                return decodeProfile(in);
            case GROUP_CHANGE:
                return new Payload.GroupUpdate(dev.parley.crypto.group.GroupCodec.decodeChange(rest(in)));
            case SENDER_KEY:
                return new Payload.SenderKey(groupPart(() -> dev.parley.crypto.group.SenderKeyDistribution
                        .deserialize(rest(in))));
            case GROUP_MESSAGE:
                return new Payload.GroupMessage(groupPart(() -> dev.parley.crypto.group.SenderKeyMessage
                        .deserialize(rest(in))));
            case GROUP_TYPING: {
                byte[] group = new byte[dev.parley.crypto.group.GroupId.BYTES];
                in.get(group);
                int typing = Byte.toUnsignedInt(in.get());
                requireEnd(in);
                if (typing > 1) {
                    throw new InvalidMessageException("payload: bad group typing flag");
                }
                return new Payload.GroupTyping(new dev.parley.crypto.group.GroupId(group), typing == 1);
            }
            case GROUP_JOIN_REQUEST: {
                byte[] group = new byte[dev.parley.crypto.group.GroupId.BYTES];
                in.get(group);
                byte[] proof = new byte[dev.parley.crypto.group.GroupInviteLink.PROOF_BYTES];
                in.get(proof);
                requireEnd(in);
                return new Payload.GroupJoinRequest(new dev.parley.crypto.group.GroupId(group), proof);
            }
            case GROUP_STATE_REQUEST: {
                byte[] group = new byte[dev.parley.crypto.group.GroupId.BYTES];
                in.get(group);
                long revision = in.getLong();
                requireEnd(in);
                if (revision < 1) {
                    throw new InvalidMessageException("payload: state request revision out of range");
                }
                return new GroupStateRequest(new dev.parley.crypto.group.GroupId(group), revision);
            }
            case GROUP_STATE:
                return new GroupStateAnswer(dev.parley.crypto.group.GroupCodec.decodeSnapshot(rest(in)));
            case PRESENCE: {
                int flags = Byte.toUnsignedInt(in.get());
                requireEnd(in);
                if ((flags & ~(PRESENCE_ONLINE | PRESENCE_REPLY_WANTED)) != 0) {
                    throw new InvalidMessageException("payload: unknown presence flags");
                }
                return new Payload.Presence((flags & PRESENCE_ONLINE) != 0, (flags & PRESENCE_REPLY_WANTED) != 0);
            }
            case RESTORED: {
                MessageId id = readId(in);
                long restoredAt = in.getLong();
                requireEnd(in);
                return new Payload.Restored(id, restoredAt);
            }
            case SENT_TRANSCRIPT:
                return SyncBodies.decodeTranscript(in);
            case READ_SYNC:
                return new Payload.ReadSync(SyncBodies.username(in), readIds(in));
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

    /** PROFILE = version (i64) || u8 name length || name || u16 about length || about || avatar (rest). */
    private static Payload decodeProfile(ByteBuffer in) throws InvalidMessageException {
        long version = in.getLong();
        byte[] name = new byte[Byte.toUnsignedInt(in.get())];
        in.get(name);
        int aboutLength = Short.toUnsignedInt(in.getShort());
        if (aboutLength > Payload.Profile.MAX_ABOUT_BYTES) {
            throw new InvalidMessageException("payload: profile about line too long");
        }
        byte[] about = new byte[aboutLength];
        in.get(about);
        if (in.remaining() > Payload.Profile.MAX_AVATAR_BYTES) {
            throw new InvalidMessageException("payload: profile avatar too large");
        }
        byte[] avatar = new byte[in.remaining()];
        in.get(avatar);
        return new Payload.Profile(version, strictUtf8(name), strictUtf8(about), avatar);
    }

    private static byte[] body(Payload payload) {
        if (payload instanceof Payload.Text text && text.isRich()) {
            byte[] utf8 = text.text().getBytes(StandardCharsets.UTF_8);
            int quoteBytes = text.quoted() == null ? 0 : MessageId.BYTES;
            ByteBuffer out = ByteBuffer.allocate(MessageId.BYTES + 8 + 1 + quoteBytes + 4 + utf8.length)
                    .put(text.id().bytes()).putLong(text.sentAtMillis())
                    .put((byte) (text.quoted() == null ? 0 : RICH_TEXT_QUOTE));
            if (text.quoted() != null) {
                out.put(text.quoted().bytes());
            }
            return out.putInt((int) text.expireSeconds()).put(utf8).array();
        } else if (payload instanceof Payload.TimerUpdate timer) {
            return ByteBuffer.allocate(4 + 8).putInt((int) timer.seconds()).putLong(timer.setAtMillis()).array();
        } else if (payload instanceof Payload.Text text) {
            byte[] utf8 = text.text().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(MessageId.BYTES + 8 + utf8.length).put(text.id().bytes())
                    .putLong(text.sentAtMillis()).put(utf8).array();
        } else if (payload instanceof Payload.DeliveryReceipt receipt) {
            return ids(receipt.ids());
        } else if (payload instanceof Payload.ReadReceipt receipt) {
            return ids(receipt.ids());
        } else if (payload instanceof Payload.Reaction reaction) {
            byte[] utf8 = reaction.emoji().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(MessageId.BYTES + 1 + utf8.length).put(reaction.target().bytes())
                    .put((byte) (reaction.remove() ? REACTION_REMOVE : 0)).put(utf8).array();
        } else if (payload instanceof Payload.Edit edit) {
            byte[] utf8 = edit.text().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(MessageId.BYTES + 8 + utf8.length).put(edit.target().bytes())
                    .putLong(edit.editedAtMillis()).put(utf8).array();
        } else if (payload instanceof Payload.Delete delete) {
            return ByteBuffer.allocate(MessageId.BYTES + 8).put(delete.target().bytes())
                    .putLong(delete.deletedAtMillis()).array();
        } else if (payload instanceof Payload.Attachment attachment) {
            return AttachmentBody.encode(attachment);
        } else if (payload instanceof Payload.Profile profile) {
            byte[] name = profile.displayName().getBytes(StandardCharsets.UTF_8);
            byte[] about = profile.about().getBytes(StandardCharsets.UTF_8);
            byte[] avatar = profile.avatar();
            return ByteBuffer.allocate(8 + 1 + name.length + 2 + about.length + avatar.length).putLong(profile.version())
                    .put((byte) name.length).put(name).putShort((short) about.length).put(about).put(avatar).array();
        } else if (payload instanceof Payload.GroupUpdate update) {
            return dev.parley.crypto.group.GroupCodec.encodeChange(update.change());
        } else if (payload instanceof Payload.SenderKey key) {
            return key.distribution().serialize();
        } else if (payload instanceof Payload.GroupMessage message) {
            return message.message().serialize();
        } else if (payload instanceof Payload.GroupTyping typing) {
            return ByteBuffer.allocate(dev.parley.crypto.group.GroupId.BYTES + 1).put(typing.group().bytes())
                    .put((byte) (typing.typing() ? 1 : 0)).array();
        } else if (payload instanceof Payload.GroupJoinRequest join) {
            return ByteBuffer.allocate(dev.parley.crypto.group.GroupId.BYTES + join.proof().length)
                    .put(join.group().bytes()).put(join.proof()).array();
        } else if (payload instanceof GroupStateRequest request) {
            return ByteBuffer.allocate(dev.parley.crypto.group.GroupId.BYTES + 8).put(request.group().bytes())
                    .putLong(request.revision()).array();
        } else if (payload instanceof GroupStateAnswer answer) {
            return dev.parley.crypto.group.GroupCodec.encodeSnapshot(answer.snapshot());
        } else if (payload instanceof Payload.Presence presence) {
            return new byte[] {(byte) ((presence.online() ? PRESENCE_ONLINE : 0)
                    | (presence.replyWanted() ? PRESENCE_REPLY_WANTED : 0))};
        } else if (payload instanceof Payload.Restored restored) {
            return ByteBuffer.allocate(MessageId.BYTES + 8).put(restored.id().bytes()).putLong(restored.restoredAtMillis())
                    .array();
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
            return java.nio.ByteBuffer.allocate(4).putInt(unlinked.deviceId()).array();
        } else if (payload instanceof Payload.ReadSync sync) {
            byte[] name = sync.peer().getBytes(StandardCharsets.US_ASCII);
            byte[] ids = ids(sync.ids());
            return ByteBuffer.allocate(1 + name.length + ids.length).put((byte) name.length).put(name).put(ids).array();
        } else if (payload instanceof Payload.Unknown) {
            throw new IllegalArgumentException("an unknown payload cannot be sent");
        }
        return new byte[0];
    }

    private static byte[] rest(ByteBuffer in) {
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return bytes;
    }

    /** A group part whose own version is unknown is, inside a payload, simply undecodable. */
    private interface GroupPart<T> {
        T read() throws InvalidMessageException, UnsupportedVersionException;
    }

    private static <T> T groupPart(GroupPart<T> part) throws InvalidMessageException {
        try {
            return part.read();
        } catch (UnsupportedVersionException e) {
            throw new InvalidMessageException("payload: unknown group format version");
        }
    }

    private static byte[] ids(List<MessageId> ids) {
        ByteBuffer out = ByteBuffer.allocate(2 + ids.size() * MessageId.BYTES).putShort((short) ids.size());
        for (MessageId id : ids) {
            out.put(id.bytes());
        }
        return out.array();
    }

    private static List<MessageId> readIds(ByteBuffer in) throws InvalidMessageException {
        int count = Short.toUnsignedInt(in.getShort());
        if (count == 0 || count > Payload.MAX_RECEIPT_IDS || in.remaining() != count * MessageId.BYTES) {
            throw new InvalidMessageException("payload: bad receipt id count");
        }
        List<MessageId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(readId(in));
        }
        return ids;
    }

    static MessageId readId(ByteBuffer in) {
        byte[] id = new byte[MessageId.BYTES];
        in.get(id);
        return new MessageId(id);
    }

    private static void requireEnd(ByteBuffer in) throws InvalidMessageException {
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
