package dev.parley.bench.relay;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling the relay is measured against: a Tyrus endpoint that forwards each binary message to another
 * session with no codec, no authentication and no storage. The first message of a session is its 4-byte id; every
 * later message starts with the 4-byte id of the session to forward it to.
 */
@ServerEndpoint("/bare")
public class BareForwarderEndpoint {
    /** Tyrus instantiates annotated endpoints per session, so the routing table is shared here (bench only). */
    static final Map<Integer, Session> SESSIONS = new ConcurrentHashMap<>();

    @OnMessage
    public void onMessage(Session session, byte[] message) {
        int id = ByteBuffer.wrap(message, 0, 4).getInt();
        if (message.length == 4) {
            SESSIONS.put(id, session);
            session.getUserProperties().put("id", id);
            return;
        }
        Session target = SESSIONS.get(id);
        if (target != null) {
            synchronized (target) {
                target.getAsyncRemote().sendBinary(ByteBuffer.wrap(message));
            }
        }
    }

    @OnClose
    public void onClose(Session session) {
        Object id = session.getUserProperties().get("id");
        if (id != null) {
            SESSIONS.remove(id, session);
        }
    }
}
