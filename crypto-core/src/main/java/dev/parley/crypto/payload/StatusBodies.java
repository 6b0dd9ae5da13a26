package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of the {@link StatusPayloads}, for {@link PayloadCodec}:
 * <pre>
 * DELIVERY_RECEIPT and READ_RECEIPT = u16 count (1..1000) || count * message id (16)
 * TYPING_STARTED and TYPING_STOPPED = empty
 * PRESENCE                          = u8 flags (bit 0: online; bit 1: reply wanted; the others 0)
 * </pre>
 */
final class StatusBodies {
    private static final int PRESENCE_ONLINE = 1;
    private static final int PRESENCE_REPLY_WANTED = 2;

    private StatusBodies() {
    }

    /** A list of message ids: u16 count || count * message id (16); READ_SYNC ends with one too. */
    static byte[] ids(List<MessageId> ids) {
        ByteBuffer out = ByteBuffer.allocate(2 + ids.size() * MessageId.BYTES).putShort((short) ids.size());
        for (MessageId id : ids) {
            out.put(id.bytes());
        }
        return out.array();
    }

    /** Reads a list of 1 to {@link Payload#MAX_RECEIPT_IDS} message ids that fills the rest of the body. */
    static List<MessageId> readIds(ByteBuffer in) throws InvalidMessageException {
        int count = Short.toUnsignedInt(in.getShort());
        if (count == 0 || count > Payload.MAX_RECEIPT_IDS || in.remaining() != count * MessageId.BYTES) {
            throw new InvalidMessageException("payload: bad receipt id count");
        }
        List<MessageId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(PayloadCodec.readId(in));
        }
        return ids;
    }

    static byte[] presence(Payload.Presence presence) {
        return new byte[] {(byte) ((presence.online() ? PRESENCE_ONLINE : 0)
                | (presence.replyWanted() ? PRESENCE_REPLY_WANTED : 0))};
    }

    static Payload decodePresence(ByteBuffer in) throws InvalidMessageException {
        int flags = Byte.toUnsignedInt(in.get());
        PayloadCodec.requireEnd(in);
        if ((flags & ~(PRESENCE_ONLINE | PRESENCE_REPLY_WANTED)) != 0) {
            throw new InvalidMessageException("payload: unknown presence flags");
        }
        return new Payload.Presence((flags & PRESENCE_ONLINE) != 0, (flags & PRESENCE_REPLY_WANTED) != 0);
    }
}
