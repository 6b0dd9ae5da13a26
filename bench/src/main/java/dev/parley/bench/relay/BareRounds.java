package dev.parley.bench.relay;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.HdrHistogram.ConcurrentHistogram;

/** Rounds through the bare Tyrus forwarder: the same pairs, window and blob size as {@link ClientRounds}. */
final class BareRounds {
    private final int pairs;
    private final int window;
    private final int blobBytes;

    BareRounds(int pairs, int window, int blobBytes) {
        this.pairs = pairs;
        this.window = window;
        this.blobBytes = blobBytes;
    }

    /** Sender i sends {@code count} messages to receiver i (forwarder id {@code 2i+1}); latency is send to receipt. */
    LoadResult round(List<BareConnection> senders, List<BareConnection> receivers, int count) throws Exception {
        ConcurrentHistogram latency = new ConcurrentHistogram(3);
        CountDownLatch done = new CountDownLatch(pairs * count);
        List<Runnable> loops = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Semaphore inFlight = new Semaphore(window);
            int target = 2 * i + 1;
            receivers.get(i).onMessage(m -> {
                latency.recordValue(Math.max(1, System.nanoTime() - ByteBuffer.wrap(m).getLong(12)));
                inFlight.release();
                done.countDown();
            });
            BareConnection sender = senders.get(i);
            loops.add(() -> {
                for (int k = 0; k < count; k++) {
                    inFlight.acquireUninterruptibly();
                    byte[] m = new byte[4 + blobBytes];
                    ByteBuffer.wrap(m).putInt(0, target).putLong(4, k).putLong(12, System.nanoTime());
                    sender.send(m);
                }
            });
        }
        double seconds = ClientRounds.runLoops(loops, done);
        return new LoadResult("bare", (long) pairs * count, seconds, latency, 0);
    }
}
