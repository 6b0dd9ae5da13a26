package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.FrameDecodeException;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.client.ClientManager;

/** A minimal real relay client over Tyrus for tests: request/response by id, pushes kept in arrival order. */
final class TestClient implements AutoCloseable {
    private static final FrameCodec CODEC = FrameCodec.cbor();
    private static final long TIMEOUT_SECONDS = 20;

    private final Map<Long, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
    private final LinkedList<Push> pushes = new LinkedList<>();
    private final List<byte[]> received = new ArrayList<>();
    private final List<Envelope> responses = new ArrayList<>();
    private final List<Envelope> envelopes = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    /** The first challenge of the connection (kept, not taken): its relay id and signing key. */
    private Push.Challenge firstChallenge;
    private Session session;

    static TestClient connect(URI uri) throws Exception {
        return connect(uri, ClientManager.createClient());
    }

    static TestClient connect(URI uri, ClientManager manager) throws Exception {
        TestClient client = new TestClient();
        client.session = manager.connectToServer(client.endpoint(), ClientEndpointConfig.Builder.create().build(), uri);
        client.session.setMaxBinaryMessageBufferSize(4 * 1024 * 1024);
        return client;
    }

    private Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.setMaxBinaryMessageBufferSize(4 * 1024 * 1024);
                s.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) TestClient.this::onMessage);
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
            }
        };
    }

    /** One WebSocket message from the relay: one frame, or several the relay coalesced. */
    private void onMessage(byte[] bytes) {
        synchronized (this) {
            received.add(bytes);
        }
        try {
            CODEC.decodeAll(bytes, this::onFrame);
        } catch (FrameDecodeException e) {
            throw new AssertionError("the relay sent an undecodable frame: " + e.code(), e);
        }
    }

    private void onFrame(Envelope envelope) {
        synchronized (this) {
            envelopes.add(envelope);
            if (envelope.frame() instanceof Push push) {
                if (push instanceof Push.Challenge challenge && firstChallenge == null) {
                    firstChallenge = challenge;
                }
                pushes.add(push);
                notifyAll();
                return;
            }
            responses.add(envelope);
            notifyAll();
        }
        CompletableFuture<Response> future = pending.remove(envelope.requestId());
        if (future != null) {
            future.complete((Response) envelope.frame());
        }
    }

    /** Sends a request and waits for its response. */
    Response request(Request request) throws Exception {
        return send(request).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    CompletableFuture<Response> send(Request request) throws Exception {
        long id = ids.incrementAndGet();
        CompletableFuture<Response> future = new CompletableFuture<>();
        pending.put(id, future);
        sendRaw(CODEC.encode(Envelope.of(id, request)));
        return future;
    }

    /** Expects the request to be rejected and returns the error. */
    Response.ErrorResponse expectError(Request request) throws Exception {
        Response response = request(request);
        assertThat(response).isInstanceOf(Response.ErrorResponse.class);
        return (Response.ErrorResponse) response;
    }

    synchronized void sendRaw(byte[] bytes) throws Exception {
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
    }

    void sendText(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    /** The connection's first challenge (waits for it); does not take it. */
    synchronized Push.Challenge firstChallenge() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (firstChallenge == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no challenge arrived");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return firstChallenge;
    }

    /** Waits for the first not-yet-taken push of this type and takes it (earlier pushes of other types stay). */
    synchronized <T extends Push> T awaitPush(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            for (Iterator<Push> it = pushes.iterator(); it.hasNext(); ) {
                Push push = it.next();
                if (type.isInstance(push)) {
                    it.remove();
                    return type.cast(push);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " push arrived; have " + pushes);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits until a response carrying this request id (0 for an unreadable frame) has arrived, and returns it. */
    synchronized Response awaitResponse(long requestId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            for (Envelope e : responses) {
                if (e.requestId() == requestId) {
                    return (Response) e.frame();
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no response with id " + requestId + " arrived");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Takes deliveries up to the queue-empty marker, in arrival order. */
    List<Push.Deliver> drainUntilQueueEmpty() throws InterruptedException {
        List<Push.Deliver> out = new ArrayList<>();
        synchronized (this) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                while (!pushes.isEmpty()) {
                    Push push = pushes.removeFirst();
                    if (push instanceof Push.QueueEmpty) {
                        return out;
                    }
                    if (push instanceof Push.Deliver deliver) {
                        out.add(deliver);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no queue-empty marker arrived");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    synchronized List<Push> pendingPushes() {
        return new ArrayList<>(pushes);
    }

    /** Every WebSocket message the relay sent to this client, raw (each holds one frame or several). */
    synchronized List<byte[]> receivedMessages() {
        return new ArrayList<>(received);
    }

    /** Every frame the relay sent to this client, decoded, in arrival order. */
    synchronized List<Envelope> receivedEnvelopes() {
        return new ArrayList<>(envelopes);
    }

    /**
     * Sends the requests coalesced into one WebSocket message (as a client may) and returns their responses' futures
     * in order.
     */
    List<CompletableFuture<Response>> sendAll(List<? extends Request> requests) throws Exception {
        List<CompletableFuture<Response>> futures = new ArrayList<>();
        List<Envelope> batch = new ArrayList<>();
        for (Request request : requests) {
            long id = ids.incrementAndGet();
            CompletableFuture<Response> future = new CompletableFuture<>();
            pending.put(id, future);
            futures.add(future);
            batch.add(Envelope.of(id, request));
        }
        sendRaw(CODEC.encodeAll(batch));
        return futures;
    }

    /** The next request id this client will use. */
    long nextRequestId() {
        return ids.get() + 1;
    }

    synchronized Push.Challenge latestChallenge() throws InterruptedException {
        Push.Challenge last = null;
        for (Push push : pushes) {
            if (push instanceof Push.Challenge challenge) {
                last = challenge;
            }
        }
        return last != null ? last : awaitPush(Push.Challenge.class);
    }

    CloseReason awaitClose() throws Exception {
        return closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
