package dev.parley.bench.relay;

import dev.parley.crypto.wire.FlushScope;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.glassfish.tyrus.client.ClientManager;

/**
 * The stored path: {@code queued} blobs sent to a recipient who is offline (each answered by {@code send_accepted}
 * once durably stored, at most {@value #WINDOW} unanswered), then the recipient connects and the relay drains its
 * queue to it; every delivery is acknowledged, as the client of the given {@link ClientKind} does. Fails if a blob is
 * missing or pushed twice.
 */
final class StoredPathRun {
    /** Sends a sender may have unanswered, as the desktop client's outbox allows. */
    static final int WINDOW = 256;
    private static final String ACKNOWLEDGED = "parley_relay_messages_acknowledged_total";

    /**
     * What one run took: seconds to store all (first send to last {@code send_accepted}), milliseconds from the
     * recipient's {@code authenticate} to its {@code queue_empty} (every blob pushed), and until the relay had applied
     * every ack.
     */
    record Result(double storeSeconds, double drainMs, double acknowledgedMs) {
    }

    private final ClientManager client;
    private final Function<String, LoadUser> users;
    private final int queued;
    private final int blobBytes;
    private final HttpClient http = HttpClient.newHttpClient();

    StoredPathRun(ClientManager client, Function<String, LoadUser> users, int queued, int blobBytes) {
        this.client = client;
        this.users = users;
        this.queued = queued;
        this.blobBytes = blobBytes;
    }

    /** Stores {@code queued} blobs for an offline user through {@code sendTo}, then drains them from {@code drainFrom}. */
    Result run(URI sendTo, URI drainFrom, String prefix, ClientKind kind) throws Exception {
        LoadUser sender = users.apply(prefix + "-sender");
        LoadUser target = users.apply(prefix + "-target");
        RelayConnection s = sender.connect(kind.uri(sendTo), true);
        target.connect(kind.uri(drainFrom), true).close();
        double storeSeconds = store(s, target.name, kind);
        s.close();

        RelayConnection t = RelayConnection.open(client, kind.uri(drainFrom));
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        t.onDeliver(d -> {
            if (!seen.add(d.messageId())) {
                twice.incrementAndGet();
            }
            ClientRounds.acknowledge(kind, t, new Request.Ack(d.messageId()));
        });
        t.challenge.get(LoadUser.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        double acknowledgedBefore = acknowledged(drainFrom);
        long start = System.nanoTime();
        target.authenticate(t);
        t.queueEmpty.get(LoadUser.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        double drainMs = (System.nanoTime() - start) / 1e6;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LoadUser.TIMEOUT_SECONDS);
        while (acknowledged(drainFrom) - acknowledgedBefore < queued) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay applied " + (acknowledged(drainFrom) - acknowledgedBefore)
                        + " of " + queued + " acks");
            }
            // Not more often: each look renders the relay's /metrics, whose CPU the run counts per blob.
            Thread.sleep(25);
        }
        double acknowledgedMs = (System.nanoTime() - start) / 1e6;
        t.close();
        if (seen.size() != queued || twice.get() > 0) {
            throw new IllegalStateException("drained " + seen.size() + " of " + queued + ", " + twice.get() + " twice");
        }
        return new Result(storeSeconds, drainMs, acknowledgedMs);
    }

    /** Sends every blob; returns once all are accepted (stored), in seconds since the first send. */
    private double store(RelayConnection s, String to, ClientKind kind) throws InterruptedException {
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(WINDOW);
        CountDownLatch accepted = new CountDownLatch(queued);
        AtomicInteger refused = new AtomicInteger();
        int k = 0;
        while (k < queued) {
            inFlight.acquire();
            int n = 1;
            if (kind.coalesced) {
                // Whatever the window allows leaves in one WebSocket message, as the outbox flushes.
                int drained = inFlight.drainPermits();
                int more = Math.min(drained, queued - k - 1);
                inFlight.release(drained - more);
                n += more;
            }
            int first = k;
            int count = n;
            FlushScope.run(() -> {
                for (int j = first; j < first + count; j++) {
                    byte[] id = ByteBuffer.allocate(16).putLong(8, j).array();
                    s.request(new Request.Send(to, id, new byte[blobBytes])).whenComplete((r, e) -> {
                        if (!(r instanceof Response.SendAccepted)) {
                            refused.incrementAndGet();
                        }
                        inFlight.release();
                        accepted.countDown();
                    });
                }
            });
            k += n;
        }
        if (!accepted.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(accepted.getCount() + " sends never answered");
        }
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " sends refused");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The relay's count of applied acks, from its {@code /metrics}. */
    private double acknowledged(URI relay) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + relay.getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        for (String line : response.body().split("\n")) {
            if (line.startsWith(ACKNOWLEDGED + " ")) {
                return Double.parseDouble(line.substring(ACKNOWLEDGED.length() + 1).trim());
            }
        }
        throw new IllegalStateException("the relay's /metrics has no " + ACKNOWLEDGED);
    }
}
