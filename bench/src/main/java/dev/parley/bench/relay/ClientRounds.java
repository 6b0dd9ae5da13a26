package dev.parley.bench.relay;

import dev.parley.crypto.wire.Request;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Rounds of live messages through the relay: sender i sends {@code count} blobs to receiver i with at most
 * {@code window} in flight (from send until the receiver gets it), every delivery acknowledged, in the way of one
 * {@link ClientKind}. Latency is send to receipt (the blob carries its send time).
 */
final class ClientRounds {
    private final int pairs;
    private final int window;
    private final int blobBytes;

    ClientRounds(int pairs, int window, int blobBytes) {
        if (blobBytes < 16) {
            throw new IllegalArgumentException("a blob carries its index and send time: at least 16 bytes");
        }
        this.pairs = pairs;
        this.window = window;
        this.blobBytes = blobBytes;
    }

    /** One round: sender i sends {@code count} blobs to user {@code receiverPrefix + i}, connected as receiver i. */
    LoadResult round(ClientKind kind, List<RelayConnection> senders, List<RelayConnection> receivers, int count,
                     long round, String receiverPrefix) throws Exception {
        ConcurrentHistogram latency = new ConcurrentHistogram(3);
        CountDownLatch done = new CountDownLatch(pairs * count);
        List<Runnable> loops = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Semaphore inFlight = new Semaphore(window);
            RelayConnection receiver = receivers.get(i);
            receiver.onDeliver(d -> {
                latency.recordValue(Math.max(1, System.nanoTime() - ByteBuffer.wrap(d.blob()).getLong(8)));
                acknowledge(kind, receiver, new Request.Ack(d.messageId()));
                inFlight.release();
                done.countDown();
            });
            RelayConnection sender = senders.get(i);
            String to = receiverPrefix + i;
            long pair = i;
            loops.add(() -> {
                int k = 0;
                while (k < count) {
                    inFlight.acquireUninterruptibly();
                    int burst = 1;
                    if (kind.coalesced) {
                        // Everything the window allows right now leaves together, as a client's outbox flush does.
                        int available = 1 + inFlight.drainPermits();
                        burst = Math.min(count - k, available);
                        if (available > burst) {
                            inFlight.release(available - burst);
                        }
                    }
                    List<Request.Send> sends = new ArrayList<>(burst);
                    for (int b = 0; b < burst; b++, k++) {
                        byte[] blob = new byte[blobBytes];
                        byte[] id = new byte[16];
                        ByteBuffer.wrap(id).putLong(0, round).putLong(8, (pair << 32) | k);
                        ByteBuffer.wrap(blob).putLong(0, k).putLong(8, System.nanoTime());
                        sends.add(new Request.Send(to, id, blob));
                    }
                    if (kind.coalesced) {
                        sender.fireAll(sends);
                    } else {
                        sender.fireAlone(sends.get(0));
                    }
                }
            });
        }
        double seconds = runLoops(loops, done);
        return new LoadResult("relay", (long) pairs * count, seconds, latency, 0);
    }

    /**
     * An ack as this kind of client sends it: Parley's client writes it into the unit of work of the incoming message
     * (all acks of that message leave together), the independent client in a WebSocket message of its own.
     */
    static void acknowledge(ClientKind kind, RelayConnection receiver, Request.Ack ack) {
        if (kind.coalesced) {
            receiver.fire(ack);
        } else {
            receiver.fireAlone(ack);
        }
    }

    /** Runs each loop on its own thread; returns the seconds until {@code done} reached zero. */
    static double runLoops(List<Runnable> loops, CountDownLatch done) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (Runnable loop : loops) {
            Thread t = new Thread(loop, "load");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("messages were lost: " + done.getCount() + " never arrived");
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
