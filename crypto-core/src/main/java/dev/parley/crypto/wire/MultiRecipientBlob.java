package dev.parley.crypto.wire;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * What a recipient of a {@link Request.SendMulti} receives in {@link Push.Deliver#blob()}: its own sealed header and
 * the shared body, put together by the relay (docs/protocol.md, "Multi-recipient send").
 *
 * <pre>
 * blob = FORMAT (u8 = 0x4D) || header length (u32, big endian) || header || body
 * </pre>
 *
 * The format byte differs from every sealed-sender envelope version, so a receiver tells the two apart by the first
 * byte. Both parts are opaque to the relay.
 */
public record MultiRecipientBlob(byte[] header, byte[] body) {
    /** First byte of every multi-recipient blob. */
    public static final byte FORMAT = 0x4D;
    private static final int PREFIX_BYTES = 1 + Integer.BYTES;

    public MultiRecipientBlob {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
        if (header.length == 0 || body.length == 0) {
            throw new IllegalArgumentException("header and body must not be empty");
        }
    }

    /** Whether {@code blob} claims to be a multi-recipient blob (its first byte); {@link #decode} still validates it. */
    public static boolean isMultiRecipient(byte[] blob) {
        return blob != null && blob.length > 0 && blob[0] == FORMAT;
    }

    /** Parses a blob, or empty when it is not a well-formed multi-recipient blob (wrong format byte, bad lengths). */
    public static Optional<MultiRecipientBlob> decode(byte[] blob) {
        if (!isMultiRecipient(blob) || blob.length < PREFIX_BYTES + 2) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(blob);
        in.get();
        int headerLength = in.getInt();
        if (headerLength < 1 || headerLength > in.remaining() - 1) {
            return Optional.empty();
        }
        byte[] header = new byte[headerLength];
        in.get(header);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return Optional.of(new MultiRecipientBlob(header, body));
    }

    /**
     * The part of a blob before its body, {@code FORMAT || header length || header}: a blob is this followed by the
     * body, so a sender can keep one body for many recipients (the client's outbox, issue #15).
     */
    public static byte[] headerPart(byte[] header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("header must not be empty");
        }
        return ByteBuffer.allocate(PREFIX_BYTES + header.length).put(FORMAT).putInt(header.length).put(header).array();
    }

    /** The bytes the relay stores and delivers. */
    public byte[] encode() {
        return ByteBuffer.allocate(PREFIX_BYTES + header.length + body.length)
                .put(FORMAT).putInt(header.length).put(header).put(body).array();
    }

    @Override
    public String toString() {
        return "MultiRecipientBlob[header " + header.length + " bytes, body " + body.length + " bytes]";
    }
}
