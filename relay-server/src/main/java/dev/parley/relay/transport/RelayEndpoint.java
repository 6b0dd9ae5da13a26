package dev.parley.relay.transport;

import dev.parley.crypto.wire.FlushScope;
import dev.parley.relay.core.ClientConnection;
import dev.parley.relay.core.RelayService;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.charset.StandardCharsets;
import org.glassfish.tyrus.core.TyrusSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Public only because Tyrus invokes it reflectively. The one WebSocket endpoint ({@code /parley}): hands binary frames to the {@link RelayService}. */
public final class RelayEndpoint extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(RelayEndpoint.class);
    private static final String CONNECTION = "parley.connection";

    private final RelayService service;
    private final int sessionBufferBytes;
    private final LeanAnswers lean;

    RelayEndpoint(RelayService service, int sessionBufferBytes, LeanAnswers lean) {
        this.service = service;
        this.sessionBufferBytes = sessionBufferBytes;
        this.lean = lean;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        String address = session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null
                ? tyrus.getRemoteAddr() : "unknown";
        // Idle connections are closed by WebSocketGuardFilter. Tyrus's own idle timer is off: with its default (0,
        // "never") Tyrus 2.2 still cancels and schedules a timer task on every message sent or received, which was
        // about 5% of the relay's CPU per live message in a JFR profile; a negative value skips that.
        session.setMaxIdleTimeout(-1);
        session.setMaxBinaryMessageBufferSize(sessionBufferBytes);
        session.setMaxTextMessageBufferSize(sessionBufferBytes);
        ClientConnection connection = service.open(new TyrusFrameSink(session, address, service.metrics(),
                LeanAnswers.asked(session.getRequestParameterMap()) ? lean : null));
        if (connection == null) {
            return;
        }
        session.getUserProperties().put(CONNECTION, connection);
        // Everything the relay writes while handling one message (answers, deliveries to other connections) leaves
        // coalesced per connection when the handling ends.
        session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) bytes ->
                FlushScope.run(() -> service.receive(connection, bytes)));
        // Text frames are not part of the protocol: they are decoded like binary ones and rejected as malformed.
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                FlushScope.run(() -> service.receive(connection, text.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        service.closed((ClientConnection) session.getUserProperties().get(CONNECTION));
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.debug("WebSocket error on a connection: {}", error.toString());
    }
}
