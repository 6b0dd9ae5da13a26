package dev.parley.crypto.payload;

import dev.parley.crypto.primitives.RandomSource;
import java.util.Arrays;
import java.util.HexFormat;

/** A 16-byte random identifier chosen by a message's sender; receipts refer to messages by it. */
public final class MessageId {
    public static final int BYTES = 16;

    private final byte[] id;

    public MessageId(byte[] id) {
        if (id == null || id.length != BYTES) {
            throw new IllegalArgumentException("message id: 16 bytes expected");
        }
        this.id = id.clone();
    }

    public static MessageId random(RandomSource random) {
        return new MessageId(random.bytes(BYTES));
    }

    public byte[] bytes() {
        return id.clone();
    }

    /** Lower-case hex, 32 characters (for storage keys). */
    public String hex() {
        return HexFormat.of().formatHex(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageId other && Arrays.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return "MessageId[" + hex().substring(0, 8) + "…]";
    }
}
