package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of the {@link MessagePayloads} but files ({@link AttachmentBody}), for {@link PayloadCodec}:
 * <pre>
 * TEXT         = message id (16) || sentAtMillis (i64) || UTF-8 text (rest of body)
 * RICH_TEXT    = message id (16) || sentAtMillis (i64) || u8 flags (bit 0: a quoted id follows; the others 0)
 *                || [quoted message id (16)] || u32 timer seconds || UTF-8 text (rest)
 *                (a text without reply and timer is a TEXT)
 * REACTION     = target message id (16) || u8 flags (bit 0: remove; the others 0) || UTF-8 emoji (rest, 1..64 bytes)
 * EDIT         = target message id (16) || editedAtMillis (i64) || UTF-8 text (rest, 1..60000 bytes)
 * DELETE       = target message id (16) || deletedAtMillis (i64)
 * TIMER_UPDATE = u32 seconds || setAtMillis (i64)
 * </pre>
 */
final class MessageBodies {
    private static final int REACTION_REMOVE = 1;
    private static final int RICH_TEXT_QUOTE = 1;

    private MessageBodies() {
    }

    /** TEXT, or RICH_TEXT for a reply or a text with a timer ({@link Payload.Text#isRich()}). */
    static byte[] text(Payload.Text text) {
        byte[] utf8 = text.text().getBytes(StandardCharsets.UTF_8);
        if (!text.isRich()) {
            return ByteBuffer.allocate(MessageId.BYTES + 8 + utf8.length).put(text.id().bytes())
                    .putLong(text.sentAtMillis()).put(utf8).array();
        }
        int quoteBytes = text.quoted() == null ? 0 : MessageId.BYTES;
        ByteBuffer out = ByteBuffer.allocate(MessageId.BYTES + 8 + 1 + quoteBytes + 4 + utf8.length)
                .put(text.id().bytes()).putLong(text.sentAtMillis())
                .put((byte) (text.quoted() == null ? 0 : RICH_TEXT_QUOTE));
        if (text.quoted() != null) {
            out.put(text.quoted().bytes());
        }
        return out.putInt((int) text.expireSeconds()).put(utf8).array();
    }

    static Payload decodeText(ByteBuffer in) throws InvalidMessageException {
        MessageId id = PayloadCodec.readId(in);
        long sentAt = in.getLong();
        return new Payload.Text(id, sentAt, PayloadCodec.strictUtf8(PayloadCodec.rest(in)));
    }

    static Payload decodeRichText(ByteBuffer in) throws InvalidMessageException {
        MessageId id = PayloadCodec.readId(in);
        long sentAt = in.getLong();
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~RICH_TEXT_QUOTE) != 0) {
            throw new InvalidMessageException("payload: unknown text flags");
        }
        MessageId quoted = (flags & RICH_TEXT_QUOTE) != 0 ? PayloadCodec.readId(in) : null;
        long timer = Integer.toUnsignedLong(in.getInt());
        String text = PayloadCodec.strictUtf8(PayloadCodec.rest(in));
        Payload.Text decoded = new Payload.Text(id, sentAt, text, quoted, timer);
        if (!decoded.isRich()) {
            throw new InvalidMessageException("payload: a plain text must be a TEXT");
        }
        return decoded;
    }

    static byte[] reaction(Payload.Reaction reaction) {
        byte[] utf8 = reaction.emoji().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MessageId.BYTES + 1 + utf8.length).put(reaction.target().bytes())
                .put((byte) (reaction.remove() ? REACTION_REMOVE : 0)).put(utf8).array();
    }

    static Payload decodeReaction(ByteBuffer in) throws InvalidMessageException {
        MessageId target = PayloadCodec.readId(in);
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~REACTION_REMOVE) != 0) {
            throw new InvalidMessageException("payload: unknown reaction flags");
        }
        String emoji = PayloadCodec.strictUtf8(PayloadCodec.rest(in));
        return new Payload.Reaction(target, emoji, (flags & REACTION_REMOVE) != 0);
    }

    static byte[] edit(Payload.Edit edit) {
        byte[] utf8 = edit.text().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MessageId.BYTES + 8 + utf8.length).put(edit.target().bytes())
                .putLong(edit.editedAtMillis()).put(utf8).array();
    }

    static Payload decodeEdit(ByteBuffer in) throws InvalidMessageException {
        MessageId target = PayloadCodec.readId(in);
        long editedAt = in.getLong();
        return new Payload.Edit(target, editedAt, PayloadCodec.strictUtf8(PayloadCodec.rest(in)));
    }

    static byte[] delete(Payload.Delete delete) {
        return ByteBuffer.allocate(MessageId.BYTES + 8).put(delete.target().bytes())
                .putLong(delete.deletedAtMillis()).array();
    }

    static Payload decodeDelete(ByteBuffer in) throws InvalidMessageException {
        MessageId target = PayloadCodec.readId(in);
        long deletedAt = in.getLong();
        PayloadCodec.requireEnd(in);
        return new Payload.Delete(target, deletedAt);
    }

    static byte[] timer(Payload.TimerUpdate timer) {
        return ByteBuffer.allocate(4 + 8).putInt((int) timer.seconds()).putLong(timer.setAtMillis()).array();
    }

    static Payload decodeTimer(ByteBuffer in) throws InvalidMessageException {
        long seconds = Integer.toUnsignedLong(in.getInt());
        long setAt = in.getLong();
        PayloadCodec.requireEnd(in);
        return new Payload.TimerUpdate(seconds, setAt);
    }
}
