package dev.parley.desktop.net;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FlushScope;
import dev.parley.crypto.wire.FrameBatcher;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.FrameDecodeException;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Tyrus WebSocket session speaking the relay frames; see {@link RelayLink}. Requests made together
 * ({@link #requestAll}) leave coalesced into as few WebSocket messages as possible; messages from the relay may carry
 * several frames, handled in order.
 */
final class TyrusRelayLink implements RelayLink {
    private static final Logger LOG = LoggerFactory.getLogger(TyrusRelayLink.class);

    private final FrameCodec codec;
    private final RelayLinkListener listener;
    private final Duration requestTimeout;
    private final Map<Long, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextRequestId = new AtomicLong(1);
    private final AtomicLong nextUnansweredId = new AtomicLong(UNANSWERED_IDS);
    /** Answers the relay sent to requests of {@link #fireAll} (a relay without lean answers), dropped. */
    private final AtomicLong droppedAnswers = new AtomicLong();
    private final AtomicBoolean closedNotified = new AtomicBoolean();
    private final Object sendLock = new Object();
    /** Frames waiting to be written, guarded by {@link #sendLock}. */
    private final FrameBatcher waiting = new FrameBatcher();
    private final FlushScope.Flushable flusher = this::flush;
    private volatile Session session;

    TyrusRelayLink(FrameCodec codec, RelayLinkListener listener, Duration requestTimeout) {
        this.codec = codec;
        this.listener = listener;
        this.requestTimeout = requestTimeout;
    }

    Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session opened, EndpointConfig config) {
                session = opened;
                opened.addMessageHandler(byte[].class, TyrusRelayLink.this::onBinary);
                opened.addMessageHandler(PongMessage.class, pong -> listener.onPong());
            }

            @Override
            public void onClose(Session closed, CloseReason reason) {
                closed("closed by relay: " + reason.getCloseCode());
            }

            @Override
            public void onError(Session failed, Throwable error) {
                LOG.debug("relay link error", error);
                closed("network error: " + error.getClass().getSimpleName());
            }
        };
    }

    /** One WebSocket message from the relay: one frame or several coalesced ones, handled in order. */
    private void onBinary(byte[] bytes) {
        try {
            codec.decodeAll(bytes, this::onFrame);
        } catch (FrameDecodeException e) {
            if (e.code() == dev.parley.crypto.wire.ErrorCode.UNSUPPORTED_VERSION) {
                closed(VERSION_MISMATCH);
            } else {
                LOG.warn("relay sent an undecodable frame ({}); closing the link", e.code());
            }
            close();
        }
    }

    private void onFrame(Envelope envelope) {
        if (envelope.frame() instanceof Response response && envelope.requestId() >= UNANSWERED_IDS) {
            // An answer nobody waits for: an ok from a relay without lean answers, or an ack that had no effect (the
            // relay delivers that blob again on the next connection).
            droppedAnswers.incrementAndGet();
            if (response instanceof Response.ErrorResponse error) {
                LOG.debug("an acknowledgement was refused ({}); the relay delivers it again", error.code());
            }
        } else if (envelope.frame() instanceof Response) {
            CompletableFuture<Response> future = pending.remove(envelope.requestId());
            if (future == null) {
                LOG.warn("relay answered unknown request id {}", envelope.requestId());
                return;
            }
            future.complete((Response) envelope.frame());
        } else if (envelope.frame() instanceof Push) {
            listener.onPush((Push) envelope.frame());
        } else {
            LOG.warn("relay sent a request frame; ignored");
        }
    }

    @Override
    public CompletableFuture<Response> request(Request request) {
        long id = nextRequestId.getAndIncrement();
        CompletableFuture<Response> future = new CompletableFuture<>();
        if (!isOpen()) {
            future.completeExceptionally(new RelayLinkClosedException("relay link is closed"));
            return future;
        }
        pending.put(id, future);
        if (closedNotified.get()) {
            // closed since the check: closed() may have failed the pending requests before this one was added, and
            // no answer can come any more (it would otherwise wait for its timeout)
            pending.remove(id);
            future.completeExceptionally(new RelayLinkClosedException("relay link is closed"));
            return future;
        }
        byte[] bytes = codec.encode(Envelope.of(id, request));
        synchronized (sendLock) {
            waiting.add(bytes);
        }
        if (!FlushScope.defer(flusher)) {
            flush();
        }
        future.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> pending.remove(id));
        return future;
    }

    @Override
    public List<CompletableFuture<Response>> requestAll(List<? extends Request> requests) {
        List<CompletableFuture<Response>> futures = new ArrayList<>(requests.size());
        FlushScope.run(() -> {
            for (Request request : requests) {
                futures.add(request(request));
            }
        });
        return futures;
    }

    @Override
    public void fireAll(List<? extends Request> requests) {
        if (!isOpen() || requests.isEmpty()) {
            return;
        }
        FlushScope.run(() -> {
            for (Request request : requests) {
                byte[] bytes = codec.encode(Envelope.of(nextUnansweredId.getAndIncrement(), request));
                synchronized (sendLock) {
                    waiting.add(bytes);
                }
                FlushScope.defer(flusher);
            }
        });
    }

    /** How many answers to {@link #fireAll}'s requests arrived and were dropped. */
    long droppedAnswers() {
        return droppedAnswers.get();
    }

    /**
     * Writes every waiting frame, coalesced; a failed write closes the link, which fails every pending request. Once
     * the link is closed (by the client, the relay or the network) nothing is written: frames queued by a thread that
     * raced the close are dropped (their requests have failed; the relay redelivers what was not acknowledged).
     */
    private void flush() {
        Session current = session;
        try {
            boolean dropped = false;
            synchronized (sendLock) {
                while (!waiting.isEmpty() && !dropped) {
                    dropped = closedNotified.get() || !current.isOpen();
                    if (dropped) {
                        waiting.clear();
                    } else {
                        current.getBasicRemote().sendBinary(ByteBuffer.wrap(waiting.nextMessage()));
                    }
                }
            }
            if (dropped) {
                closed("closed before the write");
            }
        } catch (IOException | IllegalStateException | java.util.concurrent.RejectedExecutionException e) {
            // IllegalStateException: the session closed between the check and the write (the client quitting while
            // it still sends); RejectedExecutionException: the WebSocket client is shutting down (a process exiting
            // while the inbound thread still acknowledges). The link is as good as closed either way.
            synchronized (sendLock) {
                waiting.clear();
            }
            if (e instanceof IOException) {
                LOG.debug("writing to the relay failed", e);
            } else {
                LOG.debug("writing to the relay failed: the connection was closing ({})", e.getClass().getSimpleName());
            }
            closed("write failed");
        }
    }

    @Override
    public void ping() {
        Session current = session;
        if (current == null || !current.isOpen()) {
            return;
        }
        try {
            synchronized (sendLock) {
                current.getBasicRemote().sendPing(ByteBuffer.wrap(new byte[] {'p'}));
            }
        } catch (IOException | IllegalStateException | java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("ping failed", e);
            closed("ping failed");
        }
    }

    @Override
    public boolean isOpen() {
        Session current = session;
        return current != null && current.isOpen() && !closedNotified.get();
    }

    @Override
    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public void close() {
        Session current = session;
        // first: the relay's answer to the close frame must not be reported as a close by the relay
        closed("closed by client");
        if (current != null && current.isOpen()) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("closing the relay link failed", e);
            }
        }
    }

    private void closed(String reason) {
        if (!closedNotified.compareAndSet(false, true)) {
            return;
        }
        RelayLinkClosedException failure = new RelayLinkClosedException("relay link closed: " + reason);
        pending.values().forEach(f -> f.completeExceptionally(failure));
        pending.clear();
        listener.onClosed(reason);
    }
}
