package dev.parley.relay.transport;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FlushScope;
import dev.parley.crypto.wire.FrameBatcher;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.relay.core.FrameSink;
import dev.parley.relay.core.RelayMetrics;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends CBOR frames over one Tyrus session, asynchronously and in call order. Frames sent while a {@link FlushScope}
 * is open on the calling thread (the relay handling one incoming message) wait for its end and leave coalesced into
 * as few WebSocket messages as {@link FrameBatcher} allows; other frames leave at once, behind any waiting ones.
 * On a lean connection an unhurried frame ({@link #sendUnhurried}) waits for the next flush, at most the lean delay,
 * and not at all once {@value #ENOUGH_UNHURRIED} wait: they then leave at the end of the unit of work that added the
 * last of them (a group commit's acceptances, say), as waiting longer would save at most one WebSocket message for
 * that many frames while holding back a busy sender's window.
 */
final class TyrusFrameSink implements FrameSink, FlushScope.Flushable {
    private static final Logger LOG = LoggerFactory.getLogger(TyrusFrameSink.class);
    /** Unhurried frames that leave without waiting for the lean delay. */
    static final int ENOUGH_UNHURRIED = 64;

    private final Session session;
    private final String remoteAddress;
    private final FrameCodec codec = FrameCodec.cbor();
    private final FrameBatcher waiting = new FrameBatcher();

    private final RelayMetrics metrics;
    /** Present on a lean connection: the timer that flushes unhurried frames no flush took along. */
    private final LeanAnswers lean;
    /** An unhurried frame waits and its timer is set (guarded by this). */
    private boolean timerSet;
    /** Unhurried frames added since the last flush (guarded by this). */
    private int unhurried;

    TyrusFrameSink(Session session, String remoteAddress, RelayMetrics metrics, LeanAnswers lean) {
        this.session = session;
        this.remoteAddress = remoteAddress;
        this.metrics = metrics;
        this.lean = lean;
    }

    @Override
    public boolean lean() {
        return lean != null;
    }

    @Override
    public void sendUnhurried(Envelope envelope) {
        if (lean == null) {
            send(envelope);
            return;
        }
        byte[] bytes = codec.encode(envelope);
        boolean setTimer;
        boolean enough;
        synchronized (this) {
            waiting.add(bytes);
            enough = ++unhurried >= ENOUGH_UNHURRIED;
            setTimer = !enough && !timerSet;
            timerSet |= setTimer;
        }
        metrics.frameSent();
        if (enough) {
            if (!FlushScope.defer(this)) {
                flush();
            }
        } else if (setTimer) {
            lean.later(this::timerFlush);
        }
    }

    private void timerFlush() {
        synchronized (this) {
            timerSet = false;
        }
        flush();
    }

    @Override
    public void send(Envelope envelope) {
        byte[] bytes = codec.encode(envelope);
        synchronized (this) {
            waiting.add(bytes);
        }
        metrics.frameSent();
        if (!FlushScope.defer(this)) {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        unhurried = 0;
        if (!session.isOpen()) {
            waiting.clear();
            return;
        }
        while (!waiting.isEmpty()) {
            try {
                ByteBuffer message = ByteBuffer.wrap(waiting.nextMessage());
                metrics.webSocketMessageSent();
                session.getAsyncRemote().sendBinary(message, result -> {
                    if (!result.isOK()) {
                        LOG.debug("A frame could not be sent: {}", result.getException().toString());
                    }
                });
            } catch (IllegalStateException e) {
                LOG.debug("A frame could not be queued on a closing session: {}", e.getMessage());
                waiting.clear();
            }
        }
    }

    /** Writes what is waiting (the errors that explain the close, say), then closes. */
    @Override
    public void close(int closeCode, String reason) {
        flush();
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(closeCode), reason));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Closing a session failed: {}", e.toString());
        }
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }
}
