package dev.parley.bench.relay;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.glassfish.tyrus.client.ClientManager;

/** A client of the bare forwarder: announces its id, then sends id-prefixed messages. */
final class BareConnection extends Endpoint {
    private volatile Consumer<byte[]> onMessage = m -> { };
    private Session session;

    static BareConnection open(ClientManager client, URI uri, int id) throws Exception {
        BareConnection c = new BareConnection();
        c.session = client.connectToServer(c, ClientEndpointConfig.Builder.create().build(), uri);
        c.session.getBasicRemote().sendBinary(ByteBuffer.allocate(4).putInt(0, id));
        return c;
    }

    void onMessage(Consumer<byte[]> handler) {
        onMessage = handler;
    }

    @Override
    public void onOpen(Session s, EndpointConfig config) {
        s.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) m -> onMessage.accept(m));
    }

    synchronized void send(byte[] message) {
        session.getAsyncRemote().sendBinary(ByteBuffer.wrap(message));
    }

    void close() throws Exception {
        session.close();
    }
}
