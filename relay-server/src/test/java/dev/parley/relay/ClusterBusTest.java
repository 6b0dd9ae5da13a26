package dev.parley.relay;

import static dev.parley.relay.ClusterChecks.await;
import static dev.parley.relay.ClusterChecks.health;
import static dev.parley.relay.ClusterChecks.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.cluster.ClusterEngines;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two relay nodes on a real PostgreSQL and a real Redis: the fast path across nodes and what happens without Redis. */
class ClusterBusTest {
    /** Direct ids start here (DirectDelivery.FIRST_DIRECT_ID); stored ids stay below. */
    private static final long FIRST_DIRECT_ID = 1L << 62;

    @RegisterExtension
    static final ClusterEngines ENGINES = ClusterEngines.postgresAndRedis();

    /** Two nodes for the whole class; every test starts from empty tables with new alice and bob. */
    @TempDir
    static Path root;
    private static ClusterNodes cluster;
    private final List<TestClient> clients = new ArrayList<>();
    private final TestUser alice = new TestUser("alice");
    private final TestUser bob = new TestUser("bob");

    @BeforeAll
    static void startNodes() throws Exception {
        cluster = ClusterNodes.start(root, ENGINES.storeUri(), Optional.of(URI.create(ENGINES.busUri())), 2,
                c -> c.withLimit(RateLimit.REGISTER_PER_ADDRESS, BucketSpec.UNLIMITED));
    }

    @AfterAll
    static void stopNodes() {
        cluster.close();
    }

    @BeforeEach
    void register() throws Exception {
        awaitBus(0, true);
        awaitBus(1, true);
        TestClient registrar = connect(0);
        alice.register(registrar, 1);
        bob.register(registrar, 1);
    }

    @AfterEach
    void stop() throws Exception {
        for (TestClient c : clients) {
            c.close();
        }
        try (Connection c = DriverManager.getConnection(ENGINES.jdbcUrl(), ENGINES.user(), "");
             Statement s = c.createStatement()) {
            s.execute("TRUNCATE accounts, one_time_prekeys, kem_prekeys, devices, invites, queues, blobs, attachments, attachment_readers, attachment_chunks");
        }
    }

    private TestClient connect(int node) throws Exception {
        TestClient client = TestClient.connect(cluster.node(node).uri());
        clients.add(client);
        return client;
    }

    private TestClient connect(URI node) throws Exception {
        TestClient client = TestClient.connect(node);
        clients.add(client);
        return client;
    }

    private TestClient signIn(TestUser user, int node) throws Exception {
        TestClient client = connect(node);
        user.authenticate(client);
        assertThat(client.drainUntilQueueEmpty()).isEmpty();
        return client;
    }

    private static byte[] id(int n) {
        byte[] id = new byte[16];
        id[15] = (byte) n;
        return id;
    }

    private static void awaitBus(int node, boolean up) throws InterruptedException {
        String expected = "parley_relay_bus_up " + (up ? 1 : 0);
        await(() -> cluster.node(node).metrics().render().contains(expected), "bus " + (up ? "up" : "down") + " on node " + node);
    }

    @Test
    void aLiveMessageIsPushedThroughTheRecipientsNodeAndNeverStored() throws Exception {
        TestClient a = signIn(alice, 0);
        TestClient b = signIn(bob, 1);
        CompletableFuture<Response> sent = a.send(new Request.Send("bob", id(1), "hello".getBytes(StandardCharsets.UTF_8)));
        Push.Deliver delivered = b.awaitPush(Push.Deliver.class);
        assertThat(delivered.messageId()).as("a direct id: pushed, not stored").isGreaterThanOrEqualTo(FIRST_DIRECT_ID);
        assertThat(sent).as("answered only after the acknowledgement").isNotDone();
        assertThat(b.request(new Request.Ack(delivered.messageId()))).isEqualTo(new Response.Ok());
        assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        assertThat(metric(cluster.node(0), "parley_relay_messages_stored_total")
                + metric(cluster.node(1), "parley_relay_messages_stored_total")).isZero();
        assertThat(metric(cluster.node(1), "parley_relay_cross_node_pushes_total")).isEqualTo(1);
    }

    @Test
    void aBatchOfSendsCrossesAsOneBusMessageAndEachSideGetsItsFramesCoalesced() throws Exception {
        TestClient a = signIn(alice, 0);
        TestClient b = signIn(bob, 1);
        long publishes = ClusterChecks.redisCalls(ENGINES.busUri(), "publish");
        long lookups = ClusterChecks.redisCalls(ENGINES.busUri(), "get");
        long stored = metric(cluster.node(0), "parley_relay_messages_stored_total")
                + metric(cluster.node(1), "parley_relay_messages_stored_total");
        int toBob = b.receivedMessages().size();
        List<Request.Send> sends = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            sends.add(new Request.Send("bob", id(40 + n), new byte[] {(byte) n, 7}));
        }
        List<CompletableFuture<Response>> accepted = a.sendAll(sends);
        List<Push.Deliver> delivered = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            Push.Deliver d = b.awaitPush(Push.Deliver.class);
            assertThat(d.messageId()).isGreaterThanOrEqualTo(FIRST_DIRECT_ID);
            assertThat(d.blob()[0]).as("delivery order").isEqualTo((byte) n);
            delivered.add(d);
        }
        assertThat(b.receivedMessages().size() - toBob).as("20 pushes in one WebSocket message").isEqualTo(1);
        int toAlice = a.receivedMessages().size();
        for (CompletableFuture<Response> ok : b.sendAll(delivered.stream().map(d -> new Request.Ack(d.messageId())).toList())) {
            assertThat(ok.get(10, TimeUnit.SECONDS)).isEqualTo(new Response.Ok());
        }
        for (CompletableFuture<Response> answer : accepted) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        }
        assertThat(a.receivedMessages().size() - toAlice).as("20 acceptances in one WebSocket message").isEqualTo(1);
        assertThat(ClusterChecks.redisCalls(ENGINES.busUri(), "publish") - publishes)
                .as("one bus message each way").isEqualTo(2);
        assertThat(ClusterChecks.redisCalls(ENGINES.busUri(), "get") - lookups)
                .as("bob's node looked up once for 20 sends").isLessThanOrEqualTo(1);
        assertThat(metric(cluster.node(0), "parley_relay_messages_stored_total")
                + metric(cluster.node(1), "parley_relay_messages_stored_total")).isEqualTo(stored);
    }

    @Test
    void anUnacknowledgedPushIsStoredAfterTheGraceAndTheSenderAnsweredThen() throws Exception {
        TestClient a = signIn(alice, 0);
        TestClient b = signIn(bob, 1);
        Response answer = a.request(new Request.Send("bob", id(2), "later".getBytes(StandardCharsets.UTF_8)));
        assertThat(answer).isEqualTo(new Response.SendAccepted(false));
        assertThat(b.awaitPush(Push.Deliver.class).messageId()).isGreaterThanOrEqualTo(FIRST_DIRECT_ID);
        b.close();
        TestClient again = connect(0);
        bob.authenticate(again);
        assertThat(again.drainUntilQueueEmpty()).singleElement()
                .satisfies(d -> assertThat(new String(d.blob(), StandardCharsets.UTF_8)).isEqualTo("later"));
    }

    @Test
    void aPushStoredAfterItsGraceReachesTheRecipientOnceAndNotAgainUnderItsStoredId() throws Exception {
        // Two more nodes of this cluster: a short grace, and one unacknowledged push per recipient at a time, so the
        // second message below has to take the store and the drain, behind the first one's store.
        try (ClusterNodes quick = ClusterNodes.join(cluster, root.resolve("quick"), 2,
                c -> c.withDirectGrace(java.time.Duration.ofMillis(200)).withDirectWindow(1))) {
            TestClient a = connect(quick.node(0).uri());
            alice.authenticate(a);
            assertThat(a.drainUntilQueueEmpty()).isEmpty();
            TestClient b = connect(quick.node(1).uri());
            bob.authenticate(b);
            assertThat(b.drainUntilQueueEmpty()).isEmpty();

            CompletableFuture<Response> first = a.send(new Request.Send("bob", id(1), "first".getBytes(StandardCharsets.UTF_8)));
            Push.Deliver pushed = b.awaitPush(Push.Deliver.class);
            assertThat(pushed.messageId()).as("pushed directly across nodes").isGreaterThanOrEqualTo(FIRST_DIRECT_ID);
            assertThat(first.get(10, TimeUnit.SECONDS)).as("not acknowledged: stored after the grace")
                    .isEqualTo(new Response.SendAccepted(false));
            // Stored after the first (its wake-up follows the first one's), drained to bob from the queue.
            CompletableFuture<Response> second = a.send(new Request.Send("bob", id(2), "second".getBytes(StandardCharsets.UTF_8)));
            Push.Deliver next = b.awaitPush(Push.Deliver.class);
            assertThat(new String(next.blob(), StandardCharsets.UTF_8))
                    .as("the first blob is not pushed again under its stored id").isEqualTo("second");
            assertThat(next.messageId()).isLessThan(FIRST_DIRECT_ID);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));

            assertThat(b.request(new Request.Ack(pushed.messageId()))).as("the direct id deletes the stored copy")
                    .isEqualTo(new Response.Ok());
            assertThat(b.request(new Request.Ack(next.messageId()))).isEqualTo(new Response.Ok());
            b.close();
            TestClient again = connect(quick.node(0).uri());
            bob.authenticate(again);
            assertThat(again.drainUntilQueueEmpty()).as("both acknowledged: nothing left").isEmpty();
        }
    }

    @Test
    void signingInOnAnotherNodeClosesTheFirstConnection() throws Exception {
        TestClient first = signIn(bob, 0);
        signIn(bob, 1);
        assertThat(first.awaitClose().getCloseCode().getCode()).isEqualTo(4001);
    }

    @Test
    void ephemeralFramesReachAUserOnAnotherNode() throws Exception {
        TestClient a = signIn(alice, 0);
        TestClient b = signIn(bob, 1);
        // Ephemeral frames are best effort (never stored, never retried by the relay), as typing indicators are:
        // a client sends the next one a moment later. One of a few must cross.
        boolean arrived = false;
        for (int attempt = 0; attempt < 5 && !arrived; attempt++) {
            assertThat(a.request(new Request.SendEphemeral("bob", "typing".getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(new Response.Ok());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!arrived && System.nanoTime() < deadline) {
                arrived = b.pendingPushes().stream().anyMatch(p -> p instanceof Push.Ephemeral e
                        && java.util.Arrays.equals(e.blob(), "typing".getBytes(StandardCharsets.UTF_8)));
                Thread.sleep(20);
            }
        }
        assertThat(arrived).as("an ephemeral frame reached bob on the other node").isTrue();
    }

    @Test
    void withRedisDownMessagesTakeTheStoreAndTheFastPathResumesWhenItIsBack() throws Exception {
        TestClient a = signIn(alice, 0);
        TestClient b = signIn(bob, 1);
        ENGINES.stopRedis();
        awaitBus(0, false);
        assertThat(health(cluster.node(0))).contains("bus=redis down (store-and-forward through PostgreSQL)");
        for (int n = 10; n < 15; n++) {
            assertThat(a.request(new Request.Send("bob", id(n), ("stored " + n).getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(new Response.SendAccepted(false));
        }
        for (int n = 10; n < 15; n++) {
            Push.Deliver d = b.awaitPush(Push.Deliver.class);
            assertThat(d.messageId()).as("stored, and woken through PostgreSQL").isLessThan(FIRST_DIRECT_ID);
            assertThat(new String(d.blob(), StandardCharsets.UTF_8)).isEqualTo("stored " + n);
            assertThat(b.request(new Request.Ack(d.messageId()))).isEqualTo(new Response.Ok());
        }
        assertThat(a.request(new Request.Lookup("bob"))).isEqualTo(new Response.LookupResult(true));
        assertThat(health(cluster.node(0))).contains("limits=per-node (Redis unreachable)");
        assertThat(metric(cluster.node(0), "parley_relay_limits_shared")).isZero();
        assertThat(metric(cluster.node(0), "parley_relay_limits_local_fallbacks_total")).isPositive();
        ENGINES.startRedis();
        awaitBus(0, true);
        awaitBus(1, true);
        // A lookup a second (the retry interval) until one is counted in Redis again; within the lookup burst.
        for (int tries = 0; tries < 10 && !health(cluster.node(0)).contains("limits=cluster-wide"); tries++) {
            Thread.sleep(dev.parley.relay.limits.RateLimiter.SHARED_RETRY_MILLIS);
            assertThat(a.request(new Request.Lookup("bob"))).isEqualTo(new Response.LookupResult(true));
        }
        assertThat(health(cluster.node(0))).contains("limits=cluster-wide");
        // The nodes claim their accounts again once the bus is back (within a second or two).
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger(100);
        await(() -> {
            try {
                CompletableFuture<Response> sent = a.send(new Request.Send("bob", id(probes.incrementAndGet()),
                        "probe".getBytes(StandardCharsets.UTF_8)));
                Push.Deliver d = b.awaitPush(Push.Deliver.class);
                b.request(new Request.Ack(d.messageId()));
                sent.get(10, TimeUnit.SECONDS);
                return d.messageId() >= FIRST_DIRECT_ID;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the fast path after Redis came back");
    }

    @Test
    void anAccountsLookupBudgetIsOneAcrossTheNodesNotOnePerNode() throws Exception {
        TestUser dave = new TestUser("dave");
        dave.register(connect(0), 0);
        TestClient first = connect(0);
        dave.authenticate(first);
        int burst = RateLimit.LOOKUP_PER_ACCOUNT.defaultSpec().burst();
        int accepted = 0;
        for (int i = 0; i < burst / 2; i++) {
            assertThat(first.request(new Request.Lookup("bob"))).isInstanceOf(Response.LookupResult.class);
            accepted++;
        }
        TestClient second = connect(1);
        dave.authenticate(second);
        Response answer;
        while ((answer = second.request(new Request.Lookup("bob"))) instanceof Response.LookupResult) {
            accepted++;
            assertThat(accepted).as("lookups accepted before the shared budget ran out").isLessThan(burst + 3);
        }
        assertThat(((Response.ErrorResponse) answer).code()).isEqualTo(dev.parley.crypto.wire.ErrorCode.RATE_LIMITED);
        assertThat(accepted).isGreaterThanOrEqualTo(burst);
        assertThat(health(cluster.node(1))).contains("limits=cluster-wide");
    }

    @Test
    void oneMultiSendOnNodeAReachesARecipientLiveOnNodeBAndAnOfflineOneWhoPicksUpOnNodeB() throws Exception {
        TestUser carol = new TestUser("carol");
        carol.register(connect(0), 1);
        TestClient a = signIn(alice, 0);
        TestClient b = signIn(bob, 1);
        long pushedBefore = metric(cluster.node(1), "parley_relay_cross_node_pushes_total");
        byte[] body = MultiSendTest.bytes(200, 5);
        CompletableFuture<Response> sent = a.send(new Request.SendMulti(List.of(MultiSendTest.recipient("bob", 1),
                MultiSendTest.recipient("carol", 2), MultiSendTest.recipient("nobody", 3)), body));
        Push.Deliver live = b.awaitPush(Push.Deliver.class);
        assertThat(live.messageId()).as("pushed through bob's node").isGreaterThanOrEqualTo(FIRST_DIRECT_ID);
        assertThat(MultiRecipientBlob.decode(live.blob()).orElseThrow().header()).isEqualTo(MultiSendTest.bytes(100, 1));
        assertThat(b.request(new Request.Ack(live.messageId()))).isEqualTo(new Response.Ok());
        assertThat(((Response.SendMultiResult) sent.get(20, TimeUnit.SECONDS)).outcomes())
                .extracting(Response.RecipientOutcome::status).containsExactly(Response.MultiSendStatus.ACCEPTED,
                        Response.MultiSendStatus.ACCEPTED, Response.MultiSendStatus.UNKNOWN_USER);
        assertThat(metric(cluster.node(1), "parley_relay_cross_node_pushes_total") - pushedBefore).isEqualTo(1);

        TestClient a2 = signIn(alice, 1);
        Response retry = a2.request(new Request.SendMulti(List.of(MultiSendTest.recipient("carol", 2)), body));
        assertThat(((Response.SendMultiResult) retry).outcomes()).extracting(Response.RecipientOutcome::status)
                .as("a retry on the other node is a duplicate").containsExactly(Response.MultiSendStatus.DUPLICATE);
        TestClient c = connect(1);
        carol.authenticate(c);
        List<Push.Deliver> queued = c.drainUntilQueueEmpty();
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).blob()).isEqualTo(new MultiRecipientBlob(MultiSendTest.bytes(100, 2), body).encode());
        assertThat(c.request(new Request.Ack(queued.get(0).messageId()))).isEqualTo(new Response.Ok());
    }

    /**
     * Issue #16: three nodes as real processes, 50 pairs messaging through all three, one node killed with SIGKILL
     * mid-stream. Clients whose connection drops reconnect to a live node and resend what was not answered with the
     * same client message ids, as the desktop client's outbox does; recipients acknowledge every delivery as they get
     * it. Nothing may be lost, and nothing whose acknowledgement the relay confirmed may be delivered again.
     */
    @Test
    @org.junit.jupiter.api.Tag("soak")
    void killingANodeProcessWithSigkillMidStreamLosesNothingAndDeliversNothingAcknowledgedAgain() throws Exception {
        int pairs = 50;
        int perSender = 4;
        TestClient registrar = connect(0);
        List<TestUser> senders = new ArrayList<>();
        List<TestUser> recipients = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            senders.add(new TestUser("sender" + i));
            recipients.add(new TestUser("recipient" + i));
            senders.get(i).register(registrar, 0);
            recipients.get(i).register(registrar, 0);
        }
        long t0 = System.nanoTime();
        try (ClusterNodeProcesses nodes = ClusterNodeProcesses.start(root, root.resolve("node0"), ENGINES.storeUri(),
                ENGINES.busUri(), 3)) {
            long up = (System.nanoTime() - t0) / 1_000_000;
            TestClient[] senderConn = new TestClient[pairs];
            List<AcknowledgingInbox> inboxes = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                senderConn[i] = signInAt(senders.get(i), nodes, i % 3);
                inboxes.add(new AcknowledgingInbox(signInAt(recipients.get(i), nodes, (i + 1) % 3)));
            }
            List<Map<Integer, CompletableFuture<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                answers.add(new java.util.HashMap<>());
                for (int n = 0; n < perSender; n++) {
                    if (n == perSender / 2 && i == pairs / 2) {
                        assertThat(nodes.kill(2)).as("SIGKILL mid-stream").isEqualTo(137);
                    }
                    answers.get(i).put(n, sendQuietly(senderConn[i], i, n));
                }
                inboxes.get(i).acknowledgeNew();
            }
            int resent = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            boolean settled = false;
            while (!settled && System.nanoTime() < deadline) {
                settled = true;
                for (int i = 0; i < pairs; i++) {
                    if (!senderConn[i].isOpen()) {
                        senderConn[i] = signInAt(senders.get(i), nodes, i % 2);
                    }
                    for (Map.Entry<Integer, CompletableFuture<Response>> a : answers.get(i).entrySet()) {
                        CompletableFuture<Response> answer = a.getValue();
                        if (answer.isDone() && !answer.isCompletedExceptionally()
                                && answer.join() instanceof Response.SendAccepted) {
                            continue;
                        }
                        settled = false;
                        // The outbox: refused, or unanswered on a connection that died, is sent again with its id.
                        if (answer.isDone() || !sentOn(answer, senderConn[i])) {
                            a.setValue(sendQuietly(senderConn[i], i, a.getKey()));
                            resent++;
                        }
                    }
                    AcknowledgingInbox inbox = inboxes.get(i);
                    if (!inbox.latest().isOpen()) {
                        inbox.add(signInAt(recipients.get(i), nodes, (i + 1) % 2));
                    }
                    settled &= inbox.acknowledgeNew() == perSender;
                }
                Thread.sleep(50);
            }
            for (int i = 0; i < pairs; i++) {
                assertThat(inboxes.get(i).acknowledged).as("recipient%d has every message", i).hasSize(perSender);
                assertThat(inboxes.get(i).deliveredAfterAcknowledgement()).as("recipient%d", i).isZero();
            }
            System.out.printf("soak: 3 node processes up in %d ms; %d messages, %d sends resent after the SIGKILL; "
                    + "settled %d ms after the start%n", up, pairs * perSender, resent, (System.nanoTime() - t0) / 1_000_000);
            await(() -> metric(cluster.node(0), "parley_relay_stored_blobs") == 0, "every blob acknowledged");
        }
    }

    /** Which connection each send went out on, so a send left on a dead connection is sent again. */
    private final Map<CompletableFuture<Response>, TestClient> sentOn = new java.util.IdentityHashMap<>();

    private boolean sentOn(CompletableFuture<Response> answer, TestClient connection) {
        return sentOn.get(answer) == connection;
    }

    private CompletableFuture<Response> sendQuietly(TestClient connection, int sender, int n) {
        CompletableFuture<Response> answer;
        try {
            answer = connection.send(new Request.Send("recipient" + sender, id(sender, n),
                    ("message " + n + " from sender " + sender).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            answer = CompletableFuture.failedFuture(e);
        }
        sentOn.put(answer, connection);
        return answer;
    }

    private static byte[] id(int sender, int n) {
        byte[] id = new byte[16];
        id[0] = (byte) sender;
        id[15] = (byte) n;
        return id;
    }

    private TestClient signInAt(TestUser user, ClusterNodeProcesses nodes, int node) throws Exception {
        TestClient client = nodes.connect(node);
        clients.add(client);
        assertThat(client.request(user.answer(client.awaitPush(Push.Challenge.class), nodes.channel())))
                .isInstanceOf(Response.Authenticated.class);
        return client;
    }
}
