package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.envelope.MultiRecipientSeal;
import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.desktop.service.connection.InboundHandler.Delivery;
import dev.parley.desktop.service.messaging.SenderVerifier;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parallel stage in front of the sequential receive path (issue #12, offline pickup): opens sealed envelopes
 * (two X25519 agreements, the sender certificate's checks), and multi-recipient envelopes (issue #15: the sealed
 * header, the shared body and the sender's tag) on a small pool, one thread per core, ahead of the
 * inbound thread, so opening the next batch overlaps with decrypting and storing this one. Opening is a pure function
 * of the envelope, the identity key and the pinned relay key: it touches no session, no store and no other envelope,
 * so the order of the ratchet steps and of the batch's storage effects is untouched; results are handed back per
 * delivery, in the batch's order.
 *
 * <p>Only successful openings are used. An envelope that failed to open here (or whose opening was not started) is
 * opened again on the inbound thread under the protocol lock, exactly as without this stage, so every failure keeps
 * its meaning (refused envelope, no relay pinned yet, a profile locked meanwhile) and its outcome.
 *
 * <p>Bounded: at most {@value #MAX_PENDING} openings are started and not yet collected; the pool's threads end when
 * idle. Called on the inbound thread (and under the protocol lock when the held envelopes are released).
 */
final class EnvelopeOpener {
    /** Most openings started ahead and not yet collected. */
    static final int MAX_PENDING = 1024;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor pool;
    private final Map<Delivery, Future<OpenedEnvelope>> pending = new IdentityHashMap<>();
    /** Multi-recipient envelopes (issue #15, group messages sent once) being opened, likewise. */
    private final Map<Delivery, Future<MultiRecipientSeal.Opened>> pendingMulti = new IdentityHashMap<>();

    EnvelopeOpener(int threads) {
        int id = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "parley-envelope-open-" + id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** One thread per core. */
    static EnvelopeOpener perCore() {
        return new EnvelopeOpener(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Starts opening the deliveries not started yet, in the given order, up to the bound: sealed envelopes with
     * {@code open}, multi-recipient ones with {@code openMulti}.
     */
    synchronized void start(List<Delivery> deliveries, SenderVerifier.Opening open,
                            SenderVerifier.MultiOpening openMulti) {
        for (Delivery d : deliveries) {
            if (pending.size() + pendingMulti.size() >= MAX_PENDING) {
                return;
            }
            if (MultiRecipientBlob.isMultiRecipient(d.blob())) {
                if (!pendingMulti.containsKey(d)) {
                    pendingMulti.put(d, pool.submit(() -> openMulti.open(d.blob(), d.receivedAtMillis())));
                }
            } else if (!pending.containsKey(d)) {
                pending.put(d, pool.submit(() -> open.open(d.blob(), d.receivedAtMillis())));
            }
        }
    }

    /**
     * Waits for the openings of {@code batch} and returns those that succeeded, by delivery (identity); a delivery
     * missing from the result is to be opened by the caller.
     */
    Map<Delivery, OpenedEnvelope> collect(List<Delivery> batch) throws InterruptedException {
        Map<Delivery, OpenedEnvelope> opened = new IdentityHashMap<>();
        for (Delivery d : batch) {
            Future<OpenedEnvelope> future;
            synchronized (this) {
                future = pending.remove(d);
            }
            if (future == null) {
                continue;
            }
            try {
                opened.put(d, future.get());
            } catch (ExecutionException | CancellationException e) {
                // opened again by the caller, which decides what the failure means
            }
        }
        return opened;
    }

    /** As {@link #collect}, for the multi-recipient deliveries of {@code batch}. */
    Map<Delivery, MultiRecipientSeal.Opened> collectMulti(List<Delivery> batch) throws InterruptedException {
        Map<Delivery, MultiRecipientSeal.Opened> opened = new IdentityHashMap<>();
        for (Delivery d : batch) {
            Future<MultiRecipientSeal.Opened> future;
            synchronized (this) {
                future = pendingMulti.remove(d);
            }
            if (future == null) {
                continue;
            }
            try {
                opened.put(d, future.get());
            } catch (ExecutionException | CancellationException e) {
                // opened again by the caller, which decides what the failure means
            }
        }
        return opened;
    }

    /** Drops every opening not collected (a new login: what the old link delivered comes again). */
    synchronized void forget() {
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
        pendingMulti.values().forEach(f -> f.cancel(false));
        pendingMulti.clear();
    }

    /** Openings started and not collected (tests). */
    synchronized int pendingCount() {
        return pending.size() + pendingMulti.size();
    }
}
