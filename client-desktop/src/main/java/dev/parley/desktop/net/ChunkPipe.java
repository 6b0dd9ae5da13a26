package dev.parley.desktop.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands an upload's chunks from the thread that makes them (encrypting, hashing) to the HTTP client's thread that
 * sends them, a few chunks ahead at most ({@value #DEPTH}), so making and sending overlap and the heap holds only
 * those. The reader sees the chunks as one stream; {@link #end()} ends it, {@link #fail()} breaks it.
 */
final class ChunkPipe extends InputStream {
    static final int DEPTH = 8;
    private static final byte[] END = new byte[0];
    private static final byte[] FAILED = new byte[0];
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(DEPTH + 1);
    private volatile boolean readerGone;
    private byte[] current;
    private int position;

    /** Queues {@code chunk} (the pipe keeps the array: never reuse it), waiting while the pipe is full. */
    void put(byte[] chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                if (readerGone) {
                    throw new IOException("the request ended before its body");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (readerGone) {
            throw new IOException("the request ended before its body");
        }
    }

    /**
     * No more chunks: the reader sees the end of the stream once it read those queued. A reader that is gone already
     * (it took the stated length and the request was answered) needs no end.
     */
    void end() {
        try {
            while (!readerGone && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) {
                // the reader is behind: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The body is abandoned: the reader fails at once. */
    void fail() {
        queue.clear();
        queue.offer(FAILED);
    }

    /** The request is over (answered or failed): whoever still puts chunks is told so. */
    void readerGone() {
        readerGone = true;
        queue.clear();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (current == null || position == current.length) {
            if (current == END) {
                return -1;
            }
            if (current == FAILED) {
                throw new IOException("the upload was abandoned");
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }
}
