package dev.parley.relay.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.memory.Buffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits in the Grizzly chain right before Tyrus and checks the raw frames of every upgraded WebSocket connection
 * before Tyrus reads them: an unmasked client frame (RFC 6455 section 5.1) or a bad control frame closes the
 * connection with 1002, a message over the limit (or a declared length of 2^63 and up) with 1009, and a connection
 * that sends nothing at all (no frame, no ping) for the idle timeout with 1001. Each close writes a proper close
 * frame, logs one line without a stack trace (rate-limited across connections), ignores whatever the client sends
 * afterwards and drops the TCP connection shortly after, so that the close frame is not lost to a reset.
 */
final class WebSocketGuardFilter extends BaseFilter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketGuardFilter.class);
    private static final Attribute<Guarded> STATE =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(WebSocketGuardFilter.class.getName() + ".state");
    static final int IDLE_CLOSE_CODE = 1001;
    static final String IDLE_REASON = "idle timeout";
    /** How long a refused connection is kept open to deliver its close frame before it is dropped. */
    private static final long CLOSE_LINGER_MILLIS = 1_000;

    private final long maxMessageBytes;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private final LogThrottle refusals;
    private final Set<Guarded> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "relay-ws-guard");
        thread.setDaemon(true);
        return thread;
    });

    WebSocketGuardFilter(long maxMessageBytes, Duration idleTimeout, LongSupplier nanoTime) {
        this.maxMessageBytes = maxMessageBytes;
        this.idleNanos = idleTimeout.toNanos();
        this.nanoTime = nanoTime;
        this.refusals = new LogThrottle(LOG, TimeUnit.SECONDS.toNanos(10), nanoTime);
        long sweepMillis = Math.max(20, idleTimeout.toMillis() / 4);
        timer.scheduleWithFixedDelay(this::closeIdle, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** Notices the 101 answer to an upgrade: from then on the connection carries WebSocket frames. */
    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpResponsePacket response && response.getStatus() == 101) {
            Connection<?> connection = ctx.getConnection();
            Guarded guarded = new Guarded(connection, new FrameHeaderScanner(maxMessageBytes), nanoTime.getAsLong());
            STATE.set(connection, guarded);
            live.add(guarded);
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Guarded guarded = STATE.get(ctx.getConnection());
        if (guarded == null || !(ctx.getMessage() instanceof HttpContent message)) {
            return ctx.getInvokeAction();
        }
        if (guarded.refused) {
            message.recycle();
            return ctx.getStopAction();
        }
        Buffer content = message.getContent();
        if (!content.hasRemaining()) {
            return ctx.getInvokeAction();
        }
        guarded.lastReadNanos = nanoTime.getAsLong();
        FrameHeaderScanner.Violation violation = guarded.scanner.scan(content::get, content.position(), content.limit());
        if (violation == null) {
            return ctx.getInvokeAction();
        }
        refusals.warn("event=ws_refused code={} reason=\"{}\" remote={}", violation.closeCode, violation.reason,
                remote(guarded.connection));
        refuse(guarded, violation.closeCode, violation.reason);
        message.recycle();
        return ctx.getStopAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Guarded guarded = STATE.get(ctx.getConnection());
        if (guarded != null) {
            live.remove(guarded);
        }
        return ctx.getInvokeAction();
    }

    private void closeIdle() {
        long now = nanoTime.getAsLong();
        for (Guarded guarded : live) {
            if (!guarded.refused && now - guarded.lastReadNanos > idleNanos) {
                LOG.debug("event=ws_idle_close remote={}", remote(guarded.connection));
                refuse(guarded, IDLE_CLOSE_CODE, IDLE_REASON);
            }
        }
    }

    /** Writes the close frame, ignores everything read from now on and drops the connection after a short linger. */
    private void refuse(Guarded guarded, int code, String reason) {
        guarded.refused = true;
        live.remove(guarded);
        Connection<?> connection = guarded.connection;
        try {
            connection.write(Buffers.wrap(connection.getMemoryManager(), closeFrame(code, reason)));
        } catch (RuntimeException e) {
            LOG.debug("A close frame could not be written: {}", e.toString());
        }
        try {
            timer.schedule(() -> {
                connection.close();
            }, CLOSE_LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            connection.close();
        }
    }

    /** An unmasked server close frame (RFC 6455 section 5.5.1): the code, then the UTF-8 reason (at most 123 bytes). */
    static ByteBuffer closeFrame(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = 2 + Math.min(text.length, 123);
        ByteBuffer frame = ByteBuffer.allocate(2 + length);
        frame.put((byte) 0x88).put((byte) length).putShort((short) code).put(text, 0, length - 2);
        return frame.flip();
    }

    private static String remote(Connection<?> connection) {
        Object peer = connection.getPeerAddress();
        return peer instanceof java.net.InetSocketAddress address && address.getAddress() != null
                ? address.getAddress().getHostAddress() : "unknown";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The guard's state for one upgraded connection. */
    private static final class Guarded {
        final Connection<?> connection;
        final FrameHeaderScanner scanner;
        volatile long lastReadNanos;
        volatile boolean refused;

        Guarded(Connection<?> connection, FrameHeaderScanner scanner, long now) {
            this.connection = connection;
            this.scanner = scanner;
            this.lastReadNanos = now;
        }
    }
}
