package dev.parley.crypto.payload;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The ATTACHMENT body of {@link PayloadCodec} (docs/protocol.md, 1.11). */
final class AttachmentBody {
    private AttachmentBody() {
    }

    static byte[] encode(Payload.Attachment attachment) {
        AttachmentPointer p = attachment.pointer();
        byte[] name = p.fileName().getBytes(StandardCharsets.UTF_8);
        byte[] type = p.contentType().getBytes(StandardCharsets.UTF_8);
        byte[] thumbnail = p.thumbnail();
        byte[] caption = attachment.caption().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MessageId.BYTES + 8 + AttachmentPointer.ID_BYTES + AttachmentFormat.KEY_BYTES
                        + AttachmentFormat.DIGEST_BYTES + 8 + 4 + 4 + 2 + name.length + 2 + type.length + 2
                        + thumbnail.length + caption.length)
                .put(attachment.id().bytes()).putLong(attachment.sentAtMillis())
                .put(p.attachmentId()).put(p.key()).put(p.digest()).putLong(p.size())
                .putInt(p.width()).putInt(p.height())
                .putShort((short) name.length).put(name)
                .putShort((short) type.length).put(type)
                .putShort((short) thumbnail.length).put(thumbnail)
                .put(caption).array();
    }

    static Payload.Attachment decode(ByteBuffer in) throws InvalidMessageException {
        MessageId id = PayloadCodec.readId(in);
        long sentAt = in.getLong();
        byte[] attachmentId = bytes(in, AttachmentPointer.ID_BYTES);
        byte[] key = bytes(in, AttachmentFormat.KEY_BYTES);
        byte[] digest = bytes(in, AttachmentFormat.DIGEST_BYTES);
        long size = in.getLong();
        int width = in.getInt();
        int height = in.getInt();
        byte[] name = lengthPrefixed(in, FileNames.MAX_BYTES);
        if (name.length == 0) {
            throw new InvalidMessageException("payload: empty attachment file name");
        }
        byte[] type = lengthPrefixed(in, AttachmentPointer.MAX_CONTENT_TYPE_BYTES);
        byte[] thumbnail = lengthPrefixed(in, AttachmentPointer.MAX_THUMBNAIL_BYTES);
        byte[] caption = bytes(in, in.remaining());
        AttachmentPointer pointer = new AttachmentPointer(attachmentId, key, digest, size,
                PayloadCodec.strictUtf8(name), PayloadCodec.strictUtf8(type), width, height, thumbnail);
        return new Payload.Attachment(id, sentAt, pointer, PayloadCodec.strictUtf8(caption));
    }

    private static byte[] lengthPrefixed(ByteBuffer in, int max) throws InvalidMessageException {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > max) {
            throw new InvalidMessageException("payload: attachment field too long");
        }
        return bytes(in, length);
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }
}
