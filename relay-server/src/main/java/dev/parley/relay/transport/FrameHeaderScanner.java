package dev.parley.relay.transport;

/**
 * Follows the WebSocket frame headers (RFC 6455 section 5.2) of one client's byte stream, across reads of any size,
 * without copying payloads, and reports the first frame the relay must refuse before any of it reaches Tyrus:
 * an unmasked frame (section 5.1), a control frame longer than 125 bytes or fragmented (section 5.5), or a message
 * (all fragments of it) longer than the limit, including any 64-bit length with the top bit set.
 * Not thread-safe: one instance per connection, fed in read order.
 */
final class FrameHeaderScanner {
    /** Why a stream was refused, with the close code the relay answers. */
    enum Violation {
        UNMASKED(1002, "client frames must be masked"),
        BAD_CONTROL_FRAME(1002, "invalid control frame"),
        TOO_BIG(1009, "message too big");

        final int closeCode;
        final String reason;

        Violation(int closeCode, String reason) {
            this.closeCode = closeCode;
            this.reason = reason;
        }
    }

    private static final int MAX_HEADER_BYTES = 14;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private final long maxMessageBytes;
    private final byte[] header = new byte[MAX_HEADER_BYTES];
    private int headerFilled;
    /** Payload bytes of the current frame still to skip. */
    private long payloadLeft;
    /** Payload bytes of the data message in progress, over its fragments so far. */
    private long messageBytes;

    FrameHeaderScanner(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Random access to the bytes of one read (a Grizzly or NIO buffer's absolute {@code get}). */
    @FunctionalInterface
    interface Bytes {
        byte get(int index);
    }

    /**
     * Scans bytes {@code from} (inclusive) to {@code to} (exclusive) of one read, the next ones of the stream.
     *
     * @return the first violation found, or null when everything so far is acceptable
     */
    Violation scan(Bytes bytes, int from, int to) {
        int at = from;
        int end = to;
        while (at < end) {
            if (payloadLeft > 0) {
                long skip = Math.min(payloadLeft, end - at);
                payloadLeft -= skip;
                at += (int) skip;
                continue;
            }
            header[headerFilled++] = bytes.get(at++);
            int needed = headerLength();
            if (needed < 0 || headerFilled < needed) {
                continue;
            }
            Violation violation = frameComplete();
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    /** The full header length once the first two bytes are known, else -1. */
    private int headerLength() {
        if (headerFilled < 2) {
            return -1;
        }
        int length7 = header[1] & 0x7f;
        int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
        boolean masked = (header[1] & 0x80) != 0;
        return 2 + extended + (masked ? 4 : 0);
    }

    private Violation frameComplete() {
        headerFilled = 0;
        boolean fin = (header[0] & 0x80) != 0;
        int opcode = header[0] & 0x0f;
        boolean masked = (header[1] & 0x80) != 0;
        long length = payloadLength();
        if (!masked) {
            return Violation.UNMASKED;
        }
        if (length < 0) {
            return Violation.TOO_BIG;
        }
        if (opcode >= 8) {
            if (length > MAX_CONTROL_PAYLOAD || !fin) {
                return Violation.BAD_CONTROL_FRAME;
            }
        } else {
            messageBytes += length;
            if (messageBytes > maxMessageBytes) {
                return Violation.TOO_BIG;
            }
            if (fin) {
                messageBytes = 0;
            }
        }
        payloadLeft = length;
        return null;
    }

    /** The declared payload length; negative when a 64-bit length has its most significant bit set. */
    private long payloadLength() {
        int length7 = header[1] & 0x7f;
        if (length7 < 126) {
            return length7;
        }
        if (length7 == 126) {
            return ((header[2] & 0xffL) << 8) | (header[3] & 0xffL);
        }
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = (length << 8) | (header[i] & 0xffL);
        }
        return length;
    }
}
