package dev.parley.relay.transport;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A Tyrus server container whose engine is plugged into our own Grizzly listener (through {@code WebSocketAddOn})
 * rather than Tyrus's stock server, which always binds 0.0.0.0 and cannot serve TLS.
 */
final class RelayContainer extends TyrusServerContainer {
    private final WebSocketEngine engine;
    private final WebSocketEngine releasing;

    /** @param readBuffersHeld told the change in bytes idle connections' read buffers hold ({@link ReadBufferRelease}) */
    RelayContainer(int incomingBufferBytes, java.util.function.LongConsumer readBuffersHeld) {
        super(Set.<Class<?>>of());
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferBytes).build();
        this.releasing = new ReadBufferRelease(engine, readBuffersHeld);
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "");
    }

    @Override
    public void register(ServerEndpointConfig serverConfig) throws DeploymentException {
        engine.register(serverConfig, "");
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return releasing;
    }
}
