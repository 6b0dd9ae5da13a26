package dev.parley.relay.transport;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.relay.core.FrameSink;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends CBOR frames over one Tyrus session, asynchronously and in call order. */
final class TyrusFrameSink implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(TyrusFrameSink.class);

    private final Session session;
    private final String remoteAddress;
    private final FrameCodec codec = FrameCodec.cbor();

    TyrusFrameSink(Session session, String remoteAddress) {
        this.session = session;
        this.remoteAddress = remoteAddress;
    }

    @Override
    public void send(Envelope envelope) {
        byte[] bytes = codec.encode(envelope);
        synchronized (this) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getAsyncRemote().sendBinary(ByteBuffer.wrap(bytes), result -> {
                    if (!result.isOK()) {
                        LOG.debug("A frame could not be sent: {}", result.getException().toString());
                    }
                });
            } catch (IllegalStateException e) {
                LOG.debug("A frame could not be queued on a closing session: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close(int closeCode, String reason) {
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
