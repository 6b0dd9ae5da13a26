package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import jakarta.websocket.CloseReason;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One WebSocket message may carry several frames, both ways (docs/protocol.md 2.1): the relay handles a client's
 * coalesced frames in order and coalesces what it writes while handling one message.
 */
class CoalescedMessagesTest {
    private static final FrameCodec CODEC = FrameCodec.cbor();

    @TempDir
    Path dataDir;
    private RelayServer relay;
    private final List<TestClient> clients = new ArrayList<>();
    private TestUser alice;
    private TestUser bob;
    private TestClient a;
    private TestClient b;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir), new MutableClock(),
                CryptoProviders.preferred());
        alice = new TestUser("alice");
        bob = new TestUser("bob");
        a = connect();
        b = connect();
        alice.register(a, 5);
        bob.register(b, 5);
        alice.authenticate(a);
        bob.authenticate(b);
        a.drainUntilQueueEmpty();
        b.drainUntilQueueEmpty();
    }

    @AfterEach
    void stop() throws Exception {
        for (TestClient c : clients) {
            c.close();
        }
        relay.close();
    }

    private TestClient connect() throws Exception {
        TestClient client = TestClient.connect(relay.uri());
        clients.add(client);
        return client;
    }

    @Test
    void coalescedSendsAndAcksAreEachAnsweredAndTheAnswersComeCoalesced() throws Exception {
        List<Request.Send> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sends.add(new Request.Send("bob", RelayFlowTest.clientMessageId(i), new byte[] {(byte) i, 1, 2, 3}));
        }
        List<CompletableFuture<Response>> accepted = a.sendAll(sends);
        List<Push.Deliver> delivered = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            delivered.add(b.awaitPush(Push.Deliver.class));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(delivered.get(i).blob()[0]).as("delivery order").isEqualTo((byte) i);
        }
        int messagesBefore = b.receivedMessages().size();
        List<Request.Ack> acks = delivered.stream().map(d -> new Request.Ack(d.messageId())).toList();
        List<CompletableFuture<Response>> oks = b.sendAll(acks);
        for (CompletableFuture<Response> ok : oks) {
            assertThat(ok.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.Ok());
        }
        for (CompletableFuture<Response> send : accepted) {
            assertThat(send.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        }
        // The 20 answers to one message of 20 acks were written while handling it: one message back.
        assertThat(b.receivedMessages().size() - messagesBefore).isEqualTo(1);
        // ...and alice's 20 acceptances, caused by that same message, left together too.
        assertThat(a.receivedMessages().size()).isLessThan(a.receivedEnvelopes().size());
        assertThat(metric("parley_relay_frames_received_total")).isGreaterThan(metric("parley_relay_websocket_messages_received_total"));
        assertThat(metric("parley_relay_frames_sent_total")).isGreaterThan(metric("parley_relay_websocket_messages_sent_total"));
    }

    @Test
    void aBadFrameInTheMiddleIsAnsweredAndEndsItsMessageOnly() throws Exception {
        long first = a.nextRequestId();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(CODEC.encode(Envelope.of(first, new Request.FetchBundle("bob"))));
        message.writeBytes(new CBORMapper().writeValueAsBytes(new ObjectMapper().readTree(
                "{\"v\":2,\"id\":" + (first + 1) + ",\"type\":\"ack\",\"body\":{\"messageId\":\"x\"}}")));
        message.writeBytes(CODEC.encode(Envelope.of(first + 2, new Request.FetchBundle("bob"))));
        a.sendRaw(message.toByteArray());
        assertThat(a.awaitResponse(first)).isInstanceOf(Response.Bundle.class);
        Response error = a.awaitResponse(first + 1);
        assertThat(error).isInstanceOf(Response.ErrorResponse.class);
        assertThat(((Response.ErrorResponse) error).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        // The third frame was dropped with the rest of the message; the connection goes on.
        assertThat(a.request(new Request.FetchBundle("bob"))).isInstanceOf(Response.Bundle.class);
        assertThat(a.receivedEnvelopes()).noneMatch(e -> e.requestId() == first + 2);
    }

    @Test
    void abuseInsideOneMessageClosesTheConnectionAndStopsHandlingIt() throws Exception {
        TestClient x = connect();
        x.awaitPush(Push.Challenge.class);
        List<Request.FetchBundle> lookups = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lookups.add(new Request.FetchBundle("bob"));
        }
        x.sendAll(lookups);
        CloseReason reason = x.awaitClose();
        assertThat(reason.getCloseCode().getCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY.getCode());
        long errors = x.receivedEnvelopes().stream().filter(e -> e.frame() instanceof Response.ErrorResponse).count();
        assertThat(errors).isBetween(1L, 21L);
        // Nothing an unauthenticated connection asked for was served, and everyone else is still served.
        assertThat(x.receivedEnvelopes()).noneMatch(e -> e.frame() instanceof Response.Bundle);
        assertThat(a.request(new Request.FetchBundle("bob"))).isInstanceOf(Response.Bundle.class);
    }

    private long metric(String name) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + relay.uri().getPort() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        for (String line : response.body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }
}
