package dev.parley.bench.relay;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FlushScope;
import dev.parley.crypto.wire.FrameBatcher;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.FrameDecodeException;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.glassfish.tyrus.client.ClientManager;

/** A load-generator client of the real relay protocol (also used by {@code dev.parley.bench.group}). */
public final class RelayConnection extends Endpoint {
    private static final FrameCodec CODEC = FrameCodec.cbor();

    private final Map<Long, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    public final CompletableFuture<Push.Challenge> challenge = new CompletableFuture<>();
    public final CompletableFuture<Void> queueEmpty = new CompletableFuture<>();
    private volatile Consumer<Push.Deliver> onDeliver = d -> { };
    private final FrameBatcher waiting = new FrameBatcher();
    private final FlushScope.Flushable flusher = this::flush;
    private Session session;

    public static RelayConnection open(ClientManager client, URI uri) throws Exception {
        RelayConnection c = new RelayConnection();
        c.session = client.connectToServer(c, ClientEndpointConfig.Builder.create().build(), uri);
        return c;
    }

    public void onDeliver(Consumer<Push.Deliver> handler) {
        onDeliver = handler;
    }

    @Override
    public void onOpen(Session s, EndpointConfig config) {
        s.setMaxBinaryMessageBufferSize(1 << 20);
        s.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) this::onMessage);
    }

    /** One message from the relay, possibly several frames; what the handlers send leaves coalesced at the end. */
    private void onMessage(byte[] bytes) {
        FlushScope.run(() -> {
            try {
                CODEC.decodeAll(bytes, this::onFrame);
            } catch (FrameDecodeException ex) {
                throw new IllegalStateException("undecodable frame from the relay: " + ex.code(), ex);
            }
        });
    }

    private void onFrame(Envelope e) {
        if (e.frame() instanceof Push.Deliver d) {
            onDeliver.accept(d);
        } else if (e.frame() instanceof Push.QueueEmpty) {
            queueEmpty.complete(null);
        } else if (e.frame() instanceof Push.Challenge c) {
            challenge.complete(c);
        } else if (e.frame() instanceof Response r) {
            CompletableFuture<Response> f = pending.remove(e.requestId());
            if (f != null) {
                f.complete(r);
            }
        }
    }

    public CompletableFuture<Response> request(Request request) {
        long id = ids.incrementAndGet();
        CompletableFuture<Response> f = new CompletableFuture<>();
        pending.put(id, f);
        write(Envelope.of(id, request));
        return f;
    }

    /** Sends a request whose response nobody waits for. */
    public void fire(Request request) {
        write(Envelope.of(ids.incrementAndGet(), request));
    }

    /** Sends several requests whose responses nobody waits for, coalesced as the real client does. */
    public void fireAll(List<? extends Request> requests) {
        FlushScope.run(() -> requests.forEach(this::fire));
    }

    /**
     * Sends a request whose response nobody waits for in a WebSocket message of its own, at once, even while a scope
     * is open (as an independent client sending one request per message would). Do not mix with {@link #fire}.
     */
    synchronized void fireAlone(Request request) {
        session.getAsyncRemote().sendBinary(ByteBuffer.wrap(CODEC.encode(Envelope.of(ids.incrementAndGet(), request))));
    }

    private void write(Envelope envelope) {
        byte[] bytes = CODEC.encode(envelope);
        synchronized (this) {
            waiting.add(bytes);
        }
        if (!FlushScope.defer(flusher)) {
            flush();
        }
    }

    private synchronized void flush() {
        while (!waiting.isEmpty()) {
            session.getAsyncRemote().sendBinary(ByteBuffer.wrap(waiting.nextMessage()));
        }
    }

    /** A WebSocket ping: the relay closes a connection that sends nothing for its idle timeout (30 s by default). */
    public void ping() {
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (java.io.IOException | IllegalStateException e) {
            // closed meanwhile: the next request says so
        }
    }

    public void close() throws Exception {
        session.close();
    }
}
