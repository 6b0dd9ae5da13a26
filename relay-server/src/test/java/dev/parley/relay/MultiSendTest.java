package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.crypto.wire.Response.MultiSendStatus;
import dev.parley.crypto.wire.Response.RecipientOutcome;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send_multi} over a real relay (Tyrus on loopback, H2 files) with real clients (issue #15). */
class MultiSendTest {
    @TempDir
    Path dataDir;
    private RelayServer relay;
    private final List<TestClient> clients = new ArrayList<>();

    private void start(UnaryOperator<RelayConfig> tuning) throws Exception {
        relay = RelayServer.start(tuning.apply(RelayConfig.defaults().withPort(0).withDataDir(dataDir)
                .withLimit(RateLimit.REGISTER_PER_ADDRESS, BucketSpec.UNLIMITED)));
    }

    @AfterEach
    void stop() throws Exception {
        for (TestClient c : clients) {
            c.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private TestClient connect() throws Exception {
        TestClient client = TestClient.connect(relay.uri());
        clients.add(client);
        return client;
    }

    /** Registers the user on a fresh connection, signs in and waits until its (empty) queue is drained. */
    private TestClient online(TestUser user) throws Exception {
        TestClient client = connect();
        user.register(client, 1);
        user.authenticate(client);
        assertThat(client.drainUntilQueueEmpty()).isEmpty();
        return client;
    }

    private void registered(TestUser user) throws Exception {
        try (TestClient client = TestClient.connect(relay.uri())) {
            user.register(client, 1);
        }
    }

    static byte[] bytes(int length, int fill) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    static Request.MultiRecipient recipient(String to, int n) {
        return new Request.MultiRecipient(to, RelayFlowTest.clientMessageId(n), bytes(100, n));
    }

    private static List<MultiSendStatus> statuses(Response response) {
        assertThat(response).isInstanceOf(Response.SendMultiResult.class);
        return ((Response.SendMultiResult) response).outcomes().stream().map(RecipientOutcome::status).toList();
    }

    @Test
    void oneUploadReachesAnOnlineAndAnOfflineRecipientAndAnUnknownOneFailsAlone() throws Exception {
        start(c -> c);
        TestClient a = online(new TestUser("alice"));
        TestClient b = online(new TestUser("bob"));
        TestUser carol = new TestUser("carol");
        registered(carol);
        byte[] body = bytes(200, 7);
        long messagesBefore = metric("parley_relay_websocket_messages_received_total");

        CompletableFuture<Response> sent = a.send(new Request.SendMulti(List.of(recipient("bob", 1),
                recipient("nobody", 2), recipient("carol", 3)), body));
        Push.Deliver live = b.awaitPush(Push.Deliver.class);
        MultiRecipientBlob forBob = MultiRecipientBlob.decode(live.blob()).orElseThrow();
        assertThat(forBob.header()).isEqualTo(bytes(100, 1));
        assertThat(forBob.body()).isEqualTo(body);
        assertThat(b.request(new Request.Ack(live.messageId()))).isEqualTo(new Response.Ok());
        Response result = sent.get(20, TimeUnit.SECONDS);
        assertThat(((Response.SendMultiResult) result).outcomes()).extracting(RecipientOutcome::to)
                .containsExactly("bob", "nobody", "carol");
        assertThat(statuses(result)).containsExactly(MultiSendStatus.ACCEPTED, MultiSendStatus.UNKNOWN_USER,
                MultiSendStatus.ACCEPTED);
        assertThat(metric("parley_relay_websocket_messages_received_total") - messagesBefore)
                .as("one upload (the ack is bob's)").isEqualTo(2);
        assertThat(metric("parley_relay_multi_send_settle_seconds_count")).as("answered send_multi frames").isEqualTo(1);
        assertThat(seconds("parley_relay_multi_send_settle_seconds_sum")).as("fan-out time, up to bob's ack")
                .isPositive().isLessThan(20);

        TestClient c = connect();
        carol.authenticate(c);
        List<Push.Deliver> queued = c.drainUntilQueueEmpty();
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).blob()).isEqualTo(new MultiRecipientBlob(bytes(100, 3), body).encode());
        assertThat(c.request(new Request.Ack(queued.get(0).messageId()))).isEqualTo(new Response.Ok());
        assertThat(relay.metrics().render()).contains("parley_relay_multi_send_recipients_total 3");
    }

    @Test
    void aRetryIsADuplicatePerRecipientAndStoresNothingTwice() throws Exception {
        start(c -> c);
        TestClient a = online(new TestUser("alice"));
        TestUser bob = new TestUser("bob");
        TestUser carol = new TestUser("carol");
        registered(bob);
        registered(carol);
        Request.SendMulti first = new Request.SendMulti(List.of(recipient("bob", 1)), bytes(50, 9));
        assertThat(statuses(a.request(first))).containsExactly(MultiSendStatus.ACCEPTED);
        Request.SendMulti retry = new Request.SendMulti(List.of(recipient("bob", 1), recipient("carol", 2)),
                bytes(50, 9));
        assertThat(statuses(a.request(retry))).containsExactly(MultiSendStatus.DUPLICATE, MultiSendStatus.ACCEPTED);
        TestClient b = connect();
        bob.authenticate(b);
        assertThat(b.drainUntilQueueEmpty()).hasSize(1);
    }

    @Test
    void aFullQueueAndASpentAllowanceFailOnlyTheirRecipients() throws Exception {
        start(c -> c.withQueueQuota(1).withLimit(RateLimit.MULTI_RECIPIENTS_PER_ACCOUNT, new BucketSpec(2, 0.001)));
        TestClient a = online(new TestUser("alice"));
        for (String name : List.of("bob", "carol", "dave")) {
            registered(new TestUser(name));
        }
        assertThat(a.request(new Request.Send("carol", RelayFlowTest.clientMessageId(99), bytes(10, 1))))
                .isEqualTo(new Response.SendAccepted(false));
        Response result = a.request(new Request.SendMulti(List.of(recipient("bob", 1), recipient("carol", 2),
                recipient("nobody", 3), recipient("dave", 4)), bytes(20, 2)));
        assertThat(statuses(result)).containsExactly(MultiSendStatus.ACCEPTED, MultiSendStatus.QUEUE_FULL,
                MultiSendStatus.UNKNOWN_USER, MultiSendStatus.RATE_LIMITED);
        List<RecipientOutcome> outcomes = ((Response.SendMultiResult) result).outcomes();
        assertThat(outcomes.get(1).retryAfterMillis()).isPositive();
        assertThat(outcomes.get(3).retryAfterMillis()).isPositive();
        assertThat(outcomes.get(0).retryAfterMillis()).isZero();
    }

    @Test
    void aThousandRecipientsWithHundredByteHeadersFitOneUploadOverTheOrdinaryFrameLimit() throws Exception {
        start(c -> c);
        TestClient a = online(new TestUser("alice"));
        TestUser bob = new TestUser("bob");
        registered(bob);
        List<Request.MultiRecipient> recipients = new ArrayList<>();
        recipients.add(recipient("bob", 0));
        for (int i = 1; i < Request.MAX_MULTI_RECIPIENTS; i++) {
            recipients.add(new Request.MultiRecipient(String.format("member%04d", i), RelayFlowTest.clientMessageId(i),
                    bytes(100, i)));
        }
        Request.SendMulti multi = new Request.SendMulti(recipients, bytes(200, 3));
        int size = FrameCodec.cbor().encode(Envelope.of(1, multi)).length;
        assertThat(size).isGreaterThan(RelayConfig.defaults().maxFrameBytes()).isLessThan(FrameCodec.MAX_SEND_MULTI_BYTES);
        List<MultiSendStatus> statuses = statuses(a.request(multi));
        assertThat(statuses).hasSize(Request.MAX_MULTI_RECIPIENTS);
        assertThat(statuses.get(0)).isEqualTo(MultiSendStatus.ACCEPTED);
        assertThat(statuses.subList(1, statuses.size())).containsOnly(MultiSendStatus.UNKNOWN_USER);
    }

    @Test
    void malformedMultiSendsAreInvalidFieldAndStoreNothing() throws Exception {
        start(c -> c);
        TestClient a = online(new TestUser("alice"));
        TestUser bob = new TestUser("bob");
        registered(bob);
        List<Request.MultiRecipient> many = new ArrayList<>();
        for (int i = 0; i < Request.MAX_MULTI_RECIPIENTS; i++) {
            many.add(recipient(i == 0 ? "bob" : "member" + i, i));
        }
        ObjectNode thousandAndOne = tree(new Request.SendMulti(many, bytes(20, 1)), 11);
        ArrayNode list = (ArrayNode) thousandAndOne.get("body").get("recipients");
        list.add(((ObjectNode) list.get(1).deepCopy()).put("to", "extra"));
        assertThat(rawError(a, cbor(thousandAndOne)).code()).isEqualTo(ErrorCode.INVALID_FIELD);

        ObjectNode twice = tree(new Request.SendMulti(List.of(recipient("bob", 1)), bytes(20, 1)), 12);
        ((ArrayNode) twice.get("body").get("recipients")).add(twice.get("body").get("recipients").get(0).deepCopy());
        assertThat(rawError(a, cbor(twice)).code()).isEqualTo(ErrorCode.INVALID_FIELD);

        ObjectNode emptyHeader = tree(new Request.SendMulti(List.of(recipient("bob", 1)), bytes(20, 1)), 13);
        ((ObjectNode) emptyHeader.get("body").get("recipients").get(0)).put("header", new byte[0]);
        assertThat(rawError(a, cbor(emptyHeader)).code()).isEqualTo(ErrorCode.INVALID_FIELD);

        ObjectNode noRecipients = tree(new Request.SendMulti(List.of(recipient("bob", 1)), bytes(20, 1)), 14);
        ((ArrayNode) noRecipients.get("body").get("recipients")).removeAll();
        assertThat(rawError(a, cbor(noRecipients)).code()).isEqualTo(ErrorCode.INVALID_FIELD);

        byte[] hugeBody = bytes(RelayConfig.defaults().maxFrameBytes() - 50, 4);
        assertThat(a.request(new Request.SendMulti(List.of(recipient("bob", 1)), hugeBody)))
                .isInstanceOfSatisfying(Response.ErrorResponse.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
        assertThat(a.request(new Request.Send("bob", RelayFlowTest.clientMessageId(5), new byte[100_000])))
                .as("other frames keep the ordinary limit")
                .isInstanceOfSatisfying(Response.ErrorResponse.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE));

        assertThat(statuses(a.request(new Request.SendMulti(List.of(recipient("bob", 1)), bytes(20, 1)))))
                .as("the connection still serves, and nothing was stored before").containsExactly(MultiSendStatus.ACCEPTED);
        TestClient b = connect();
        bob.authenticate(b);
        assertThat(b.drainUntilQueueEmpty()).hasSize(1);
    }

    private static ObjectNode tree(Request request, long id) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(FrameCodec.json().encode(Envelope.of(id, request)));
    }

    /** The JSON tree as CBOR, unchecked; the byte fields (base64 text in JSON) become CBOR byte strings again. */
    private static byte[] cbor(ObjectNode frame) throws Exception {
        ObjectNode body = (ObjectNode) frame.get("body");
        body.put("body", Base64.getDecoder().decode(body.get("body").asText()));
        for (JsonNode recipient : body.get("recipients")) {
            ObjectNode r = (ObjectNode) recipient;
            for (String field : List.of("clientMessageId", "header")) {
                if (r.get(field).isTextual()) {
                    r.put(field, Base64.getDecoder().decode(r.get(field).asText()));
                }
            }
        }
        return new CBORMapper().writeValueAsBytes(frame);
    }

    private long metric(String name) {
        for (String line : relay.metrics().render().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private double seconds(String name) {
        for (String line : relay.metrics().render().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private static Response.ErrorResponse rawError(TestClient client, byte[] bytes) throws Exception {
        int before = client.receivedEnvelopes().size();
        client.sendRaw(bytes);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<Envelope> frames = client.receivedEnvelopes();
            for (int i = before; i < frames.size(); i++) {
                if (frames.get(i).frame() instanceof Response.ErrorResponse error) {
                    return error;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no error response arrived");
    }
}
