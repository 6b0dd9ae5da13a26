package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import jakarta.websocket.CloseReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gets its error code, and the relay keeps serving everyone else. */
class BadInputTest {
    private static final FrameCodec CODEC = FrameCodec.cbor();

    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock();
    private RelayServer relay;
    private final List<TestClient> clients = new ArrayList<>();
    private TestUser alice;
    private TestUser bob;
    private TestClient a;
    private TestClient b;

    private void start(RelayConfig config) throws Exception {
        relay = RelayServer.start(config.withPort(0).withDataDir(dataDir), clock, CryptoProviders.preferred());
        alice = new TestUser("alice");
        bob = new TestUser("bob");
        a = connect();
        b = connect();
        alice.register(a, 2);
        bob.register(b, 2);
        alice.authenticate(a);
        bob.authenticate(b);
        a.drainUntilQueueEmpty();
        b.drainUntilQueueEmpty();
    }

    @BeforeEach
    void startDefault() throws Exception {
        start(RelayConfig.defaults().withQueueQuota(3).withMessageTtl(Duration.ofHours(1))
                .withSweepInterval(Duration.ofMillis(50)).withMaxConnectionsPerAddress(6)
                .withLimit(RateLimit.SEND_PER_CONNECTION, new BucketSpec(20, 1))
                .withLimit(RateLimit.REGISTER_PER_ADDRESS, new BucketSpec(50, 1)));
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

    private byte[] json(String json) throws Exception {
        return new CBORMapper().writeValueAsBytes(new ObjectMapper().readTree(json));
    }

    /** Sends raw bytes as a binary frame and returns the first error response that arrives after it. */
    private Response.ErrorResponse rawError(TestClient client, byte[] bytes) throws Exception {
        int before = client.receivedEnvelopes().size();
        client.sendRaw(bytes);
        return errorAfter(client, before);
    }

    /** Sends a text frame and returns the first error response that arrives after it. */
    private Response.ErrorResponse textError(TestClient client, String text) throws Exception {
        int before = client.receivedEnvelopes().size();
        client.sendText(text);
        return errorAfter(client, before);
    }

    private Response.ErrorResponse errorAfter(TestClient client, int before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<Envelope> frames = client.receivedEnvelopes();
            for (int i = before; i < frames.size(); i++) {
                Envelope e = frames.get(i);
                if (e.frame() instanceof Response.ErrorResponse error) {
                    return error;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no error response arrived");
    }

    private void othersStillServed() throws Exception {
        byte[] id = RelayFlowTest.clientMessageId((int) (System.nanoTime() & 0x7fff));
        assertThat(b.request(new Request.Send("alice", id, new byte[] {42}))).isEqualTo(new Response.SendAccepted(false));
        Push.Deliver d = a.awaitPush(Push.Deliver.class);
        assertThat(a.request(new Request.Ack(d.messageId()))).isEqualTo(new Response.Ok());
    }

    @Test
    void malformedFramesGetErrorsAndTheConnectionSurvives() throws Exception {
        TestClient x = connect();
        byte[] good = CODEC.encode(Envelope.of(5, new Request.FetchBundle("alice")));
        assertThat(rawError(x, Arrays.copyOf(good, good.length - 3)).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(rawError(x, new byte[] {(byte) 0xff, 0x00, 0x13, 0x37}).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        // Each error must be awaited before the next frame, or a late answer is taken for the next one's.
        assertThat(textError(x, "{\"v\":2}").code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(rawError(x, new byte[0]).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(rawError(x, json("{\"v\":2,\"id\":3,\"type\":\"ack\",\"body\":{\"messageId\":\"one\"}}")).code())
                .isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rawError(x, json("{\"v\":9,\"id\":3,\"type\":\"ack\",\"body\":{\"messageId\":1}}")).code())
                .isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(rawError(x, json("{\"v\":2,\"id\":3,\"type\":\"launch\",\"body\":{}}")).code())
                .isEqualTo(ErrorCode.UNKNOWN_TYPE);
        assertThat(rawError(x, CODEC.encode(Envelope.of(4, new Response.Ok()))).code()).isEqualTo(ErrorCode.UNEXPECTED_FRAME);
        assertThat(rawError(x, CODEC.encode(Envelope.of(4, new Request.Send("bob", new byte[16], new byte[70_000]))))
                .code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(x.isOpen()).isTrue();
        assertThat(x.request(new Request.FetchBundle("alice"))).isInstanceOf(Response.ErrorResponse.class);
        othersStillServed();
    }

    @Test
    void aTextStringWhereSendBlobExpectsBytesIsRefusedAsAnInvalidField() throws Exception {
        byte[] blobAsText = json("{\"v\":2,\"id\":3,\"type\":\"send\",\"body\":{\"to\":\"alice\","
                + "\"clientMessageId\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"blob\":\"AQID\"}}");
        // The JSON tree's strings become CBOR text strings: clientMessageId and blob are text, not bytes.
        assertThat(rawError(b, blobAsText).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(relay.metrics().render()).contains("parley_relay_stored_blobs 0");
        othersStillServed();
    }

    @Test
    void aHugeFrameClosesOnlyItsOwnConnection() throws Exception {
        TestClient x = connect();
        // Over the largest message the relay reads (a lone send_multi may take 512 KiB; everything else 2x 64 KiB).
        x.sendRaw(new byte[RelayConfig.defaults().maxMessageBytes() + 1]);
        assertThat(x.awaitClose().getCloseCode().getCode()).isEqualTo(CloseReason.CloseCodes.TOO_BIG.getCode());
        othersStillServed();
    }

    @Test
    void beforeAuthenticationOnlyRegisterAndAuthenticateAreAllowed() throws Exception {
        TestClient x = connect();
        assertThat(x.expectError(new Request.Send("bob", new byte[16], new byte[] {1})).code()).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
        assertThat(x.expectError(new Request.FetchBundle("bob")).code()).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
        assertThat(x.expectError(new Request.Ack(1)).code()).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
        assertThat(x.expectError(new Request.UploadPreKeys(null, List.of())).code()).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
        assertThat(x.expectError(new Request.SendEphemeral("bob", new byte[] {1})).code()).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
        othersStillServed();
    }

    @Test
    void replayedExpiredForgedAndUnknownAuthenticationsAreRefused() throws Exception {
        TestClient x1 = connect();
        Request.Authenticate signed = alice.answer(x1.awaitPush(Push.Challenge.class));
        assertThat(x1.request(signed)).isInstanceOf(Response.Authenticated.class);
        assertThat(x1.expectError(signed).code()).isEqualTo(ErrorCode.ALREADY_AUTHENTICATED);

        TestClient x2 = connect();
        assertThat(x2.expectError(signed).code()).isEqualTo(ErrorCode.AUTH_FAILED);
        Push.Challenge fresh = x2.awaitPush(Push.Challenge.class);
        assertThat(x2.awaitPush(Push.Challenge.class).nonce()).isNotEqualTo(fresh.nonce());

        TestClient x3 = connect();
        Push.Challenge c3 = x3.awaitPush(Push.Challenge.class);
        TestUser mallory = new TestUser("alice");
        assertThat(x3.expectError(mallory.answer(c3)).code()).isEqualTo(ErrorCode.AUTH_FAILED);
        Push.Challenge c3b = x3.awaitPush(Push.Challenge.class);
        assertThat(x3.expectError(new TestUser("nobody").answer(c3b)).code()).isEqualTo(ErrorCode.AUTH_FAILED);
        Push.Challenge c3c = x3.awaitPush(Push.Challenge.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(x3.expectError(alice.answer(c3c)).code()).isEqualTo(ErrorCode.CHALLENGE_EXPIRED);
        assertThat(x3.request(alice.answer(x3.awaitPush(Push.Challenge.class)))).isInstanceOf(Response.Authenticated.class);
        x3.drainUntilQueueEmpty();
        b.close();
        clients.remove(b);
        b = connect();
        bob.authenticate(b);
        b.drainUntilQueueEmpty();
        a = x3;
        othersStillServed();
    }

    @Test
    void registrationRejectsTakenNamesBadNamesAndBadPreKeySignatures() throws Exception {
        TestClient x = connect();
        assertThat(x.expectError(new TestUser("alice").registration(x, 0, null)).code()).isEqualTo(ErrorCode.USERNAME_TAKEN);
        assertThat(x.expectError(new TestUser("Alice!").registration(x, 0, null)).code()).isEqualTo(ErrorCode.INVALID_USERNAME);
        assertThat(x.expectError(new TestUser("ab").registration(x, 0, null)).code()).isEqualTo(ErrorCode.INVALID_USERNAME);
        TestUser eve = new TestUser("eve");
        Request.Register forged = new Request.Register("eve", eve.identity.publicKey(), alice.signedPreKey, List.of(),
                eve.lastResortKemPreKey, List.of(), null, eve.registration(x, 0, null).proof());
        assertThat(x.expectError(forged).code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        Request.Register forgedKem = new Request.Register("eve", eve.identity.publicKey(), eve.signedPreKey, List.of(),
                alice.lastResortKemPreKey, List.of(), null, eve.registration(x, 0, null).proof());
        assertThat(x.expectError(forgedKem).code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(a.expectError(new Request.UploadPreKeys(null, List.of(), null, new TestUser("dave").kemPreKeys(1)))
                .code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        SignedPreKeyPublic foreign = new TestUser("carol").signedPreKey;
        assertThat(a.expectError(new Request.UploadPreKeys(foreign, List.of())).code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(a.expectError(new Request.FetchBundle("nobody")).code()).isEqualTo(ErrorCode.UNKNOWN_USER);
        assertThat(a.expectError(new Request.Send("nobody", new byte[16], new byte[] {1})).code()).isEqualTo(ErrorCode.UNKNOWN_USER);
        othersStillServed();
    }

    @Test
    void aFullQueueRejectsNewBlobsWithAClearError() throws Exception {
        TestUser carol = new TestUser("carol");
        carol.register(a, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(a.request(new Request.Send("carol", RelayFlowTest.clientMessageId(i), new byte[] {1})))
                    .isEqualTo(new Response.SendAccepted(false));
        }
        Response.ErrorResponse full = a.expectError(new Request.Send("carol", RelayFlowTest.clientMessageId(3), new byte[] {1}));
        assertThat(full.code()).isEqualTo(ErrorCode.QUEUE_FULL);
        assertThat(full.reason()).contains("queue is full");
        othersStillServed();
    }

    @Test
    void expiredBlobsAreSweptAndNeverDelivered() throws Exception {
        TestUser carol = new TestUser("carol");
        carol.register(a, 0);
        a.request(new Request.Send("carol", RelayFlowTest.clientMessageId(1), new byte[] {1}));
        assertThat(relay.metrics().render()).contains("parley_relay_stored_blobs 1");
        clock.advance(Duration.ofMinutes(61));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!relay.metrics().render().contains("parley_relay_stored_blobs 0") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(relay.metrics().render()).contains("parley_relay_stored_blobs 0", "parley_relay_messages_expired_total 1");
        TestClient c = connect();
        carol.authenticate(c);
        assertThat(c.drainUntilQueueEmpty()).isEmpty();
    }

    @Test
    void aFloodingClientIsThrottledWhileOthersStillFlow() throws Exception {
        TestUser carol = new TestUser("carol");
        carol.register(a, 0);
        TestClient c = connect();
        carol.authenticate(c);
        c.drainUntilQueueEmpty();
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            Response r = a.request(new Request.SendEphemeral("carol", new byte[] {(byte) i}));
            if (r instanceof Response.ErrorResponse e) {
                assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryAfterMillis()).isPositive();
                limited++;
            } else {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(20);
        assertThat(limited).isEqualTo(10);
        for (int i = 0; i < 5; i++) {
            assertThat(b.request(new Request.SendEphemeral("carol", new byte[] {1}))).isEqualTo(new Response.Ok());
        }
        assertThat(relay.metrics().rejects(ErrorCode.RATE_LIMITED)).isEqualTo(10);
        clock.advance(Duration.ofSeconds(2));
        assertThat(a.request(new Request.SendEphemeral("carol", new byte[] {1}))).isEqualTo(new Response.Ok());
    }

    @Test
    void repeatedAbuseClosesTheConnectionWithPolicyViolation() throws Exception {
        TestClient x = connect();
        // One bad frame at a time, each answered before the next: a client that keeps writing after the relay's close
        // frame can have that frame destroyed by the TCP reset its own unread bytes cause (seen as 1006).
        x.awaitPush(Push.Challenge.class);
        for (int i = 0; i < 25 && !x.closed.isDone(); i++) {
            int before = x.receivedEnvelopes().size();
            x.sendRaw(new byte[] {(byte) 0xff, (byte) i});
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (x.receivedEnvelopes().size() == before && !x.closed.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        }
        assertThat(x.awaitClose().getCloseCode().getCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY.getCode());
        assertThat(x.receivedEnvelopes().stream().filter(e -> e.frame() instanceof Response.ErrorResponse).count())
                .as("an error for each of the 20 strikes, and for the frame that found none left").isEqualTo(21);
        othersStillServed();
    }

    @Test
    void tooManyConnectionsFromOneAddressAreRefused() throws Exception {
        List<TestClient> extra = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            extra.add(connect());
        }
        for (TestClient e : extra) {
            e.awaitPush(Push.Challenge.class);
        }
        TestClient over;
        try {
            over = TestClient.connect(relay.uri());
        } catch (IllegalStateException refusedDuringHandshake) {
            over = null;
        }
        if (over != null) {
            assertThat(over.awaitClose().getCloseCode().getCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode());
            TestClient closed = over;
            assertThatThrownBy(() -> closed.request(new Request.FetchBundle("bob"))).isInstanceOf(Exception.class);
        }
        assertThat(relay.metrics().connections()).isEqualTo(6);
        othersStillServed();
    }
}
