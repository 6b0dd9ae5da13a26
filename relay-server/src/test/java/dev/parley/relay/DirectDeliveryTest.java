package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.store.H2Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliver first, store only if needed: a blob for an online, drained recipient is pushed at once and its sender
 * answered when the recipient acknowledges; otherwise it is stored before the sender hears "accepted". Outcomes are
 * read from metrics and the H2 files, never from timing.
 */
class DirectDeliveryTest {
    /** Long enough that no grace period runs out during a test that expects acknowledgement to win. */
    private static final Duration LONG_GRACE = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;
    private RelayServer relay;
    private final List<TestClient> clients = new ArrayList<>();
    private final TestUser alice = new TestUser("alice");
    private final TestUser bob = new TestUser("bob");

    @AfterEach
    void stop() throws Exception {
        for (TestClient c : clients) {
            c.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private void start(Duration grace) throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir).withDirectGrace(grace));
    }

    private TestClient connect() throws Exception {
        return connect(false);
    }

    /** @param lean whether the client asks for lean answers (docs/protocol.md part 2, "Lean answers") */
    private TestClient connect(boolean lean) throws Exception {
        TestClient client = TestClient.connect(lean ? java.net.URI.create(relay.uri() + "?answers=lean") : relay.uri());
        clients.add(client);
        return client;
    }

    /** Registers both users, authenticates both and waits until Bob's (empty) queue is drained. */
    private TestClient[] bothOnline() throws Exception {
        return bothOnline(false, false);
    }

    private TestClient[] bothOnline(boolean aliceLean, boolean bobLean) throws Exception {
        TestClient a = connect(aliceLean);
        TestClient b = connect(bobLean);
        alice.register(a, 0);
        bob.register(b, 0);
        alice.authenticate(a);
        bob.authenticate(b);
        assertThat(b.drainUntilQueueEmpty()).isEmpty();
        return new TestClient[] {a, b};
    }

    @Test
    void anOnlineRecipientThatAcknowledgesGetsEveryBlobInOrderWithoutAnythingStored() throws Exception {
        start(LONG_GRACE);
        TestClient[] ab = bothOnline();
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(i), new byte[] {(byte) i})));
        }
        for (int i = 0; i < 20; i++) {
            Push.Deliver deliver = ab[1].awaitPush(Push.Deliver.class);
            assertThat(deliver.blob()).containsExactly((byte) i);
            assertThat(ab[1].request(new Request.Ack(deliver.messageId()))).isEqualTo(new Response.Ok());
        }
        for (CompletableFuture<Response> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        }
        assertThat(relay.metrics().messagesDirect()).isEqualTo(20);
        assertThat(relay.metrics().messagesStored()).isZero();
        assertThat(relay.metrics().messagesRouted()).isEqualTo(20);
        assertThat(relay.metrics().render()).contains("parley_relay_messages_direct_total 20",
                "parley_relay_messages_stored_total 0", "parley_relay_stored_blobs 0");

        relay.close();
        relay = null;
        try (H2Database db = H2Database.open(dataDir)) {
            assertThat(db.blobs().isKnown("bob", RelayFlowTest.clientMessageId(0))).isFalse();
            assertThat(db.blobs().queuedCount("bob")).isZero();
        }
    }

    @Test
    void aBlobNotAcknowledgedWithinTheGracePeriodIsStoredBeforeAcceptanceAndRedeliveredAfterReconnect() throws Exception {
        start(Duration.ofMillis(50));
        TestClient[] ab = bothOnline();
        byte[] id = RelayFlowTest.clientMessageId(7);
        CompletableFuture<Response> answer = ab[0].send(new Request.Send("bob", id, new byte[] {7}));
        Push.Deliver direct = ab[1].awaitPush(Push.Deliver.class);
        assertThat(direct.blob()).containsExactly((byte) 7);
        assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        assertThat(relay.metrics().messagesStoredAfterGrace()).isEqualTo(1);
        assertThat(relay.metrics().messagesStored()).isEqualTo(1);
        assertThat(relay.metrics().messagesDirect()).isZero();
        assertThat(ab[0].request(new Request.Send("bob", id, new byte[] {7})))
                .as("the stored blob's client message id is remembered").isEqualTo(new Response.SendAccepted(true));

        ab[1].close();
        TestClient b = connect();
        bob.authenticate(b);
        List<Push.Deliver> again = b.drainUntilQueueEmpty();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).blob()).containsExactly((byte) 7);
        assertThat(b.request(new Request.Ack(again.get(0).messageId()))).isEqualTo(new Response.Ok());
        assertThat(relay.metrics().render()).contains("parley_relay_stored_blobs 0");
    }

    @Test
    void acknowledgingTheDirectIdAfterTheBlobWasStoredDeletesTheStoredBlob() throws Exception {
        start(Duration.ofMillis(50));
        TestClient[] ab = bothOnline();
        CompletableFuture<Response> answer = ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(1), new byte[] {1}));
        Push.Deliver direct = ab[1].awaitPush(Push.Deliver.class);
        assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        assertThat(ab[1].request(new Request.Ack(direct.messageId()))).isEqualTo(new Response.Ok());
        assertThat(relay.metrics().render()).contains("parley_relay_stored_blobs 0");

        ab[1].close();
        TestClient b = connect();
        bob.authenticate(b);
        assertThat(b.drainUntilQueueEmpty()).isEmpty();
    }

    @Test
    void aRecipientThatLeavesDuringTheGracePeriodHasTheBlobStoredAtOnce() throws Exception {
        start(LONG_GRACE);
        TestClient[] ab = bothOnline();
        CompletableFuture<Response> answer = ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(3), new byte[] {3}));
        ab[1].awaitPush(Push.Deliver.class);
        ab[1].close();
        assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        assertThat(relay.metrics().messagesStoredAfterGrace()).isEqualTo(1);

        TestClient b = connect();
        bob.authenticate(b);
        assertThat(b.drainUntilQueueEmpty()).extracting(d -> (int) d.blob()[0]).containsExactly(3);
    }

    @Test
    void blobsWaitingWhenTheRecipientLeavesAreStoredAndRedeliveredInSendOrder() throws Exception {
        start(LONG_GRACE);
        TestClient[] ab = bothOnline();
        // Direct ids come from one relay-wide counter: 50 acknowledged blobs first, so the 40 waiting ones do not
        // happen to sit in a hash table in their numeric order.
        for (int i = 0; i < 50; i++) {
            ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(1000 + i), new byte[] {-1}));
            Push.Deliver deliver = ab[1].awaitPush(Push.Deliver.class);
            assertThat(ab[1].request(new Request.Ack(deliver.messageId()))).isEqualTo(new Response.Ok());
        }
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(100 + i), new byte[] {(byte) i})));
        }
        for (int i = 0; i < 40; i++) {
            ab[1].awaitPush(Push.Deliver.class);
        }
        ab[1].close();
        for (CompletableFuture<Response> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        }
        TestClient b = connect();
        bob.authenticate(b);
        List<Integer> order = b.drainUntilQueueEmpty().stream().map(d -> (int) d.blob()[0]).toList();
        assertThat(order).as("stored in the order they were sent, not in hash order")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).boxed().toList());
    }

    @Test
    void aRelayHaltedDuringTheGracePeriodLosesNothingTheSenderWasToldWasAccepted() throws Exception {
        start(LONG_GRACE);
        TestClient[] ab = bothOnline();
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Response> answer = ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(i), new byte[] {(byte) i}));
            Push.Deliver deliver = ab[1].awaitPush(Push.Deliver.class);
            assertThat(ab[1].request(new Request.Ack(deliver.messageId()))).isEqualTo(new Response.Ok());
            assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        }
        List<CompletableFuture<Response>> unanswered = new ArrayList<>();
        for (int i = 3; i < 5; i++) {
            unanswered.add(ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(i), new byte[] {(byte) i})));
            ab[1].awaitPush(Push.Deliver.class);
        }
        assertThat(unanswered).noneMatch(CompletableFuture::isDone);
        relay.halt();
        // Closing the listener closes bob's connection, and a blob waiting on a closing connection is stored and
        // answered: that answer can reach alice before her own connection closes. What the sender was told was
        // accepted must survive the halt without being sent again; the rest the sender sends again.
        List<Integer> toResend = new ArrayList<>();
        for (int i = 0; i < unanswered.size(); i++) {
            CompletableFuture<Response> answer = unanswered.get(i);
            if (answer.isDone() && !answer.isCompletedExceptionally()) {
                assertThat(answer.join()).isEqualTo(new Response.SendAccepted(false));
            } else {
                toResend.add(3 + i);
            }
        }

        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir).withDirectGrace(LONG_GRACE));
        TestClient a = connect();
        alice.authenticate(a);
        for (int i : toResend) {
            assertThat(a.request(new Request.Send("bob", RelayFlowTest.clientMessageId(i), new byte[] {(byte) i})))
                    .as("the sender resends what was never accepted, with the same id")
                    .isInstanceOf(Response.SendAccepted.class);
        }
        TestClient b = connect();
        bob.authenticate(b);
        assertThat(b.drainUntilQueueEmpty()).extracting(d -> (int) d.blob()[0]).containsExactly(3, 4);
    }

    @Test
    void aBlobWaitingOnADisplacedConnectionIsStoredAndReachesTheNewConnectionBeforeAnyNewerBlob() throws Exception {
        start(LONG_GRACE);
        TestClient[] ab = bothOnline();
        CompletableFuture<Response> first = ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(0), new byte[] {0}));
        ab[1].awaitPush(Push.Deliver.class);
        TestClient b2 = connect();
        bob.authenticate(b2);
        assertThat(ab[1].awaitClose().getCloseCode().getCode()).isEqualTo(4001);
        List<Push.Deliver> received = new ArrayList<>(b2.drainUntilQueueEmpty());
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        CompletableFuture<Response> second = ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(1), new byte[] {1}));
        while (received.size() < 2) {
            received.add(b2.awaitPush(Push.Deliver.class));
        }
        assertThat(received).extracting(d -> (int) d.blob()[0]).containsExactly(0, 1);
        for (Push.Deliver d : received) {
            assertThat(b2.request(new Request.Ack(d.messageId()))).isEqualTo(new Response.Ok());
        }
        assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        assertThat(relay.metrics().render()).contains("parley_relay_stored_blobs 0");
    }

    @Test
    void aLeanRecipientsAcksAreNotAnsweredAndALeanSenderIsStillAnsweredWithinTheDelay() throws Exception {
        start(LONG_GRACE);
        TestClient[] ab = bothOnline(true, true);
        CompletableFuture<Response> sent = ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(0), new byte[] {7}));
        Push.Deliver deliver = ab[1].awaitPush(Push.Deliver.class);
        long ack = ab[1].nextRequestId();
        ab[1].send(new Request.Ack(deliver.messageId()));
        long unknown = ab[1].nextRequestId();
        ab[1].send(new Request.Ack(12_345));
        assertThat(sent.get(20, TimeUnit.SECONDS)).as("written by the delay's timer: nothing else goes to alice")
                .isEqualTo(new Response.SendAccepted(false));
        // Answers come in request order: once the lookup is answered, an answer to either ack would be here.
        assertThat(ab[1].request(new Request.Lookup("alice"))).isEqualTo(new Response.LookupResult(true));
        assertThat(ab[1].receivedEnvelopes()).noneMatch(e -> e.requestId() == ack || e.requestId() == unknown);
        assertThat(ab[1].isOpen()).isTrue();
        assertThat(relay.metrics().messagesDirect()).as("the quiet ack counted").isEqualTo(1);
        assertThat(relay.metrics().messagesStored()).isZero();
    }

    @Test
    void aLeanSendersAcceptanceWaitsForTheNextFrameToItAndLeavesInTheSameMessage() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir).withDirectGrace(LONG_GRACE)
                .withLeanAnswerDelay(Duration.ofMinutes(5)));
        TestClient[] ab = bothOnline(true, false);
        CompletableFuture<Response> sent = ab[0].send(new Request.Send("bob", RelayFlowTest.clientMessageId(0), new byte[] {7}));
        Push.Deliver deliver = ab[1].awaitPush(Push.Deliver.class);
        assertThat(ab[1].request(new Request.Ack(deliver.messageId()))).as("bob did not ask: answered as before")
                .isEqualTo(new Response.Ok());
        assertThat(sent).as("accepted, waiting for something else to alice").isNotDone();
        int before = ab[0].receivedMessages().size();
        assertThat(ab[0].request(new Request.Lookup("bob"))).isEqualTo(new Response.LookupResult(true));
        assertThat(sent).isCompletedWithValue(new Response.SendAccepted(false));
        assertThat(ab[0].receivedMessages().size() - before).as("the acceptance rode along with the lookup's answer")
                .isEqualTo(1);
    }

    @Test
    void aLeanSendersAcceptancesLeaveWithoutTheDelayOnceEnoughWait() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir).withDirectGrace(LONG_GRACE)
                .withLeanAnswerDelay(Duration.ofMinutes(5)));
        TestClient a = connect(true);
        TestClient b = connect(false);
        alice.register(a, 0);
        bob.register(b, 0);
        alice.authenticate(a);
        // The sign-in's own pushes (the queue drain's end) leave after the answer and flush what waits: under load
        // one landing among the 64 acceptances would send the first ones and leave the rest to the 5-minute timer.
        assertThat(a.drainUntilQueueEmpty()).isEmpty();
        List<Request.Send> sends = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            sends.add(new Request.Send("bob", RelayFlowTest.clientMessageId(i), new byte[] {(byte) i}));
        }
        // Bob is offline: all 64 are stored, and their acceptances leave well before the 5-minute delay.
        for (CompletableFuture<Response> accepted : a.sendAll(sends)) {
            assertThat(accepted.get(20, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        }
        assertThat(relay.metrics().messagesStored()).isEqualTo(64);
    }
}
