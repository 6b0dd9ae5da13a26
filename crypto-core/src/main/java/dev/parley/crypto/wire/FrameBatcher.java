package dev.parley.crypto.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * Encoded frames waiting to be written to one connection, cut into WebSocket messages: as many frames, in order, as
 * fit in {@link FrameCodec#MAX_COALESCED_BYTES}, and a frame larger than that alone. Coalescing frames that are
 * ready at the same moment saves the per-message cost of WebSocket framing, masking and dispatch on both sides.
 *
 * <p>Not thread-safe: the owner of a connection's write path guards it together with the write itself, so messages
 * leave in the order frames were added.
 */
public final class FrameBatcher {
    /** Small at first: most connections of an idle relay never hold more than a frame or two. */
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>(2);
    private final int maxMessageBytes;

    /** A batcher for messages of at most {@link FrameCodec#MAX_COALESCED_BYTES}. */
    public FrameBatcher() {
        this(FrameCodec.MAX_COALESCED_BYTES);
    }

    FrameBatcher(int maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive");
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Queues one encoded frame behind those already waiting. */
    public void add(byte[] encodedFrame) {
        if (encodedFrame.length == 0) {
            throw new IllegalArgumentException("an encoded frame is never empty");
        }
        pending.addLast(encodedFrame);
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Frames waiting. */
    public int size() {
        return pending.size();
    }

    /**
     * Removes and returns the next message: the oldest waiting frame and as many following ones as fit within the
     * size limit together.
     *
     * @throws IllegalStateException when nothing is waiting
     */
    public byte[] nextMessage() {
        byte[] first = pending.pollFirst();
        if (first == null) {
            throw new IllegalStateException("no frame is waiting");
        }
        byte[] second = pending.peekFirst();
        if (second == null || first.length + second.length > maxMessageBytes) {
            return first;
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream(Math.min(maxMessageBytes, 4 * (first.length + second.length)));
        message.writeBytes(first);
        int length = first.length;
        byte[] next;
        while ((next = pending.peekFirst()) != null && length + next.length <= maxMessageBytes) {
            message.writeBytes(pending.pollFirst());
            length += next.length;
        }
        return message.toByteArray();
    }

    /** Drops every waiting frame (the connection closed). */
    public void clear() {
        pending.clear();
    }
}
