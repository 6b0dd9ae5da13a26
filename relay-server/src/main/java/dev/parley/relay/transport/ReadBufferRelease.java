package dev.parley.relay.transport;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.function.LongConsumer;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket engine around Tyrus's that keeps an idle connection from holding its largest read for life (issue #16,
 * RSS per idle account). Tyrus's read handler keeps the buffer it last unframed into, and that buffer only grows: a
 * connection that once sent a 7 KB frame (a registration with 100 one-time prekeys) or a 64 KB one holds that much
 * heap until it closes. After each read, when Tyrus has unframed everything (nothing left over for a partial frame),
 * a buffer over {@link #KEEP_BYTES} is dropped; Tyrus allocates a fresh one sized to the next read, as on a new
 * connection. Tyrus has no setting for this, so the drop clears its private field; if a Tyrus version lacks it,
 * {@link #active()} says so (tested) and reads go through unchanged. The bytes held after the last read of every
 * connection are reported through {@code held} (a gauge in /metrics).
 */
final class ReadBufferRelease implements WebSocketEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ReadBufferRelease.class);
    /** A buffer this small is kept for the next read (live connections then allocate nothing per message). */
    static final int KEEP_BYTES = 2048;
    private static final Class<?> TYRUS_HANDLER;
    private static final VarHandle BUFFER;

    static {
        Class<?> type = null;
        VarHandle buffer = null;
        try {
            type = Class.forName("org.glassfish.tyrus.core.TyrusWebSocketEngine$TyrusReadHandler");
            buffer = MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findVarHandle(type, "buffer", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("event=ws_read_buffer_release_unavailable cause=\"{}\"", e.toString());
        }
        TYRUS_HANDLER = type;
        BUFFER = buffer;
    }

    private final WebSocketEngine engine;
    private final LongConsumer held;

    /** @param held told the change in bytes held by idle read buffers (positive or negative) */
    ReadBufferRelease(WebSocketEngine engine, LongConsumer held) {
        this.engine = engine;
        this.held = held;
    }

    /** Whether this Tyrus version's read buffers can be released. */
    static boolean active() {
        return BUFFER != null;
    }

    @Override
    public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
        UpgradeInfo info = engine.upgrade(request, response);
        if (info.getStatus() != UpgradeStatus.SUCCESS || !active()) {
            return info;
        }
        return new UpgradeInfo() {
            @Override
            public UpgradeStatus getStatus() {
                return info.getStatus();
            }

            @Override
            public Connection createConnection(Writer writer, Connection.CloseListener closeListener) {
                Connection connection = info.createConnection(writer, closeListener);
                return connection == null || !TYRUS_HANDLER.isInstance(connection.getReadHandler())
                        ? connection : new Releasing(connection);
            }
        };
    }

    @Override
    public void register(Class<?> endpointClass, String contextPath) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig serverConfig, String contextPath) throws DeploymentException {
        engine.register(serverConfig, contextPath);
    }

    /** One connection: reads go to Tyrus's handler, which then gives up a large emptied buffer. */
    private final class Releasing implements Connection, ReadHandler {
        private final Connection connection;
        private final ReadHandler tyrus;
        private long holding;
        private boolean closed;

        Releasing(Connection connection) {
            this.connection = connection;
            this.tyrus = connection.getReadHandler();
        }

        @Override
        public void handle(ByteBuffer data) {
            try {
                tyrus.handle(data);
            } finally {
                settle();
            }
        }

        private void settle() {
            ByteBuffer kept = (ByteBuffer) BUFFER.getVolatile(tyrus);
            if (kept != null && !kept.hasRemaining() && kept.capacity() > KEEP_BYTES) {
                BUFFER.setVolatile(tyrus, (ByteBuffer) null);
                kept = null;
            }
            account(kept == null ? 0 : kept.capacity());
        }

        private synchronized void account(long now) {
            if (!closed && now != holding) {
                held.accept(now - holding);
                holding = now;
            }
        }

        @Override
        public ReadHandler getReadHandler() {
            return this;
        }

        @Override
        public Writer getWriter() {
            return connection.getWriter();
        }

        @Override
        public CloseListener getCloseListener() {
            return connection.getCloseListener();
        }

        @Override
        public void close(CloseReason reason) {
            synchronized (this) {
                if (!closed) {
                    closed = true;
                    held.accept(-holding);
                    holding = 0;
                }
            }
            connection.close(reason);
        }
    }
}
