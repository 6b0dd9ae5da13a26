package dev.parley.relay;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One recipient's connections over a test (it reconnects when one dies, so they follow one another in time):
 * acknowledges each delivery as it arrives, as the desktop client does, and afterwards finds, in arrival order,
 * deliveries of a payload whose acknowledgement the relay had already confirmed.
 */
final class AcknowledgingInbox {
    final List<TestClient> connections = new ArrayList<>();
    /** Payloads whose acknowledgement the relay confirmed. */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> seen = new HashSet<>();
    /** Per connection: the request id of each acknowledgement sent, and the payload it acknowledged. */
    private final List<Map<Long, String>> acks = new ArrayList<>();

    AcknowledgingInbox(TestClient first) {
        add(first);
    }

    void add(TestClient connection) {
        connections.add(connection);
        acks.add(new HashMap<>());
    }

    TestClient latest() {
        return connections.get(connections.size() - 1);
    }

    /** Acknowledges deliveries not yet seen. @return how many payloads are acknowledged so far */
    int acknowledgeNew() {
        for (int c = 0; c < connections.size(); c++) {
            TestClient connection = connections.get(c);
            for (Push push : connection.pendingPushes()) {
                if (!(push instanceof Push.Deliver d) || !seen.add(c + "/" + d.messageId())) {
                    continue;
                }
                String text = payload(d);
                try {
                    acks.get(c).put(connection.nextRequestId(), text);
                    connection.send(new Request.Ack(d.messageId())).thenAccept(r -> {
                        if (r instanceof Response.Ok) {
                            acknowledged.add(text);
                        }
                    });
                } catch (Exception e) {
                    // a dead connection: the blob stays queued and comes again on the next one
                }
            }
        }
        return acknowledged.size();
    }

    /** Deliveries that arrived after the relay had confirmed the acknowledgement of the same payload. */
    int deliveredAfterAcknowledgement() {
        Set<String> confirmed = new HashSet<>();
        int again = 0;
        for (int c = 0; c < connections.size(); c++) {
            for (Envelope e : connections.get(c).receivedEnvelopes()) {
                if (e.frame() instanceof Push.Deliver d && confirmed.contains(payload(d))) {
                    again++;
                } else if (e.frame() instanceof Response.Ok && acks.get(c).containsKey(e.requestId())) {
                    confirmed.add(acks.get(c).get(e.requestId()));
                }
            }
        }
        return again;
    }

    private static String payload(Push.Deliver d) {
        return new String(d.blob(), StandardCharsets.UTF_8);
    }
}
