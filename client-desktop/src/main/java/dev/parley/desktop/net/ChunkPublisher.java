package dev.parley.desktop.net;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upload's body, fed chunk by chunk by the thread that makes the chunks (encrypting, hashing) and handed to the
 * HTTP client as they are: each chunk's own array becomes one {@code ByteBuffer} the client writes to its socket, with
 * no re-chunking into the client's 16 KiB buffers and no copy (the JDK's {@code ofInputStream} publisher copied every
 * byte into a fresh 16 KiB array and blocked a client thread reading the stream). At most {@value #DEPTH} chunks wait
 * for the client to ask for them, so making and sending overlap and the heap holds only those. The client's thread
 * never blocks here: it is given what is queued when it asks, and the maker's thread delivers what it adds when the
 * client has asked. One subscriber; the body is not replayed (a request that needs it again fails, and the upload
 * resumes from what the relay confirmed).
 */
final class ChunkPublisher implements HttpRequest.BodyPublisher {
    static final int DEPTH = 8;
    private final long length;
    private final BlockingQueue<ByteBuffer> queue = new ArrayBlockingQueue<>(DEPTH);
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger draining = new AtomicInteger();
    private volatile Flow.Subscriber<? super ByteBuffer> subscriber;
    private volatile boolean subscribed;
    private volatile boolean ended;
    private volatile boolean gone;
    private volatile Throwable failure;
    private boolean signalledEnd;

    /** @param length the body's exact length, the sum of the chunks {@link #put(byte[])} will be given */
    ChunkPublisher(long length) {
        this.length = length;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public synchronized void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
        if (subscribed) {
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            s.onError(new IllegalStateException("an upload's body is sent once"));
            return;
        }
        subscribed = true;
        s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    failure = new IllegalArgumentException("non-positive request");
                } else {
                    demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                }
                drain();
            }

            @Override
            public void cancel() {
                gone();
            }
        });
        subscriber = s;
        drain();
    }

    /** Queues {@code chunk} (kept as it is: never reuse the array), waiting while {@value #DEPTH} are queued. */
    void put(byte[] chunk) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        try {
            while (!queue.offer(buffer, 50, TimeUnit.MILLISECONDS)) {
                if (gone) {
                    throw new IOException("the request ended before its body");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (gone) {
            throw new IOException("the request ended before its body");
        }
        drain();
    }

    /** No more chunks: the body ends once the client took those queued. */
    void end() {
        ended = true;
        drain();
    }

    /** The body is abandoned: the client is told at once. */
    void fail() {
        failure = new IOException("the upload was abandoned");
        drain();
    }

    /** The request is over (answered, failed or cancelled): whoever still puts chunks is told so. */
    void gone() {
        gone = true;
        queue.clear();
    }

    /** Delivers what is queued while the client asks; one thread at a time, the others leave it to that one. */
    private void drain() {
        if (draining.getAndIncrement() != 0) {
            return;
        }
        do {
            Flow.Subscriber<? super ByteBuffer> s = subscriber;
            if (s != null && !signalledEnd) {
                if (gone) {
                    queue.clear();
                } else if (failure != null) {
                    signalledEnd = true;
                    queue.clear();
                    s.onError(failure);
                } else {
                    while (demand.get() > 0) {
                        ByteBuffer next = queue.poll();
                        if (next == null) {
                            break;
                        }
                        demand.decrementAndGet();
                        s.onNext(next);
                    }
                    if (ended && queue.isEmpty()) {
                        signalledEnd = true;
                        s.onComplete();
                    }
                }
            }
        } while (draining.decrementAndGet() != 0);
    }
}
