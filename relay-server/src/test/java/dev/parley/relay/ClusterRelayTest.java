package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.attachment.AttachmentDecryptor;
import dev.parley.crypto.attachment.AttachmentEncryptor;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.ErrorCode;
import java.io.ByteArrayInputStream;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.cluster.ClusterEngines;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Three relay nodes in-process on one real PostgreSQL, real clients over real WebSockets. */
class ClusterRelayTest {
    @RegisterExtension
    static final ClusterEngines ENGINES = ClusterEngines.postgres();

    @TempDir
    Path root;
    private ClusterNodes cluster;
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (TestClient c : clients) {
            c.close();
        }
        if (cluster != null) {
            cluster.close();
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

    private static byte[] id(int sender, int n) {
        byte[] id = new byte[16];
        id[0] = (byte) sender;
        id[15] = (byte) n;
        return id;
    }

    private static byte[] payload(int sender, int n) {
        return ("message " + n + " from sender " + sender).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMessageSentOnOneNodeReachesTheRecipientOnAnotherAndIsAcknowledgedThere() throws Exception {
        cluster = ClusterNodes.start(root, ENGINES.storeUri(), 3, c -> c);
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestClient a = connect(0);
        TestClient b = connect(1);
        alice.register(a, 2);
        bob.register(b, 2);
        alice.authenticate(a);
        bob.authenticate(b);
        assertThat(b.firstChallenge().relayId()).as("one relay to the clients, whichever node they reach")
                .isEqualTo(a.firstChallenge().relayId());
        assertThat(b.drainUntilQueueEmpty()).isEmpty();
        assertThat(((Response.Bundle) a.request(new Request.FetchBundle("bob"))).bundle().identityKey())
                .isEqualTo(bob.identity.publicKey());

        CompletableFuture<Response> sent = a.send(new Request.Send("bob", id(1, 1), payload(1, 1)));
        Push.Deliver delivered = b.awaitPush(Push.Deliver.class);
        assertThat(delivered.blob()).isEqualTo(payload(1, 1));
        assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo(new Response.SendAccepted(false));
        assertThat(b.request(new Request.Ack(delivered.messageId()))).isEqualTo(new Response.Ok());

        TestClient b2 = connect(2);
        bob.authenticate(b2);
        assertThat(b2.drainUntilQueueEmpty()).as("acknowledged on node 1: gone for node 2").isEmpty();
        assertThat(a.request(new Request.Send("bob", id(1, 1), payload(1, 1))))
                .as("a retry on any node is a duplicate").isEqualTo(new Response.SendAccepted(true));
    }

    @Test
    void killingANodeMidStreamLosesNothingAndStoresNothingTwice() throws Exception {
        // Store first (no grace): every delivery carries its stored id, so "shown twice" is a payload under two ids.
        cluster = ClusterNodes.start(root, ENGINES.storeUri(), 3, c -> c.withDirectGrace(Duration.ZERO)
                .withLimit(RateLimit.REGISTER_PER_ADDRESS, BucketSpec.UNLIMITED)
                .withLimit(RateLimit.AUTH_PER_ADDRESS, BucketSpec.UNLIMITED));
        int pairs = 6;
        int perSender = 20;
        TestUser[] senders = new TestUser[pairs];
        TestUser[] recipients = new TestUser[pairs];
        TestClient[] senderConn = new TestClient[pairs];
        List<List<TestClient>> recipientConns = new ArrayList<>();
        TestClient registrar = connect(0);
        for (int i = 0; i < pairs; i++) {
            senders[i] = new TestUser("sender" + i);
            recipients[i] = new TestUser("recipient" + i);
            senders[i].register(registrar, 1);
            recipients[i].register(registrar, 1);
        }
        for (int i = 0; i < pairs; i++) {
            senderConn[i] = connect(i % 3);
            senders[i].authenticate(senderConn[i]);
            TestClient r = connect((i + 1) % 3);
            recipients[i].authenticate(r);
            recipientConns.add(new ArrayList<>(List.of(r)));
        }
        Map<Integer, Map<Integer, CompletableFuture<Response>>> answers = new HashMap<>();
        for (int i = 0; i < pairs; i++) {
            answers.put(i, new HashMap<>());
            for (int n = 0; n < perSender / 2; n++) {
                answers.get(i).put(n, senderConn[i].send(new Request.Send("recipient" + i, id(i, n), payload(i, n))));
            }
        }
        cluster.kill(2);
        for (int i = 0; i < pairs; i++) {
            if (i % 3 == 2) {
                // The sender's node died: it reconnects elsewhere and resends whatever was not answered.
                senderConn[i].awaitClose();
                senderConn[i] = connect(0);
                senders[i].authenticate(senderConn[i]);
                for (int n = 0; n < perSender / 2; n++) {
                    CompletableFuture<Response> answer = answers.get(i).get(n);
                    // Unanswered, or refused while the node went down ("the relay database is closed"): resent.
                    if (!answer.isDone() || !(answer.getNow(null) instanceof Response.SendAccepted)) {
                        answers.get(i).put(n, senderConn[i].send(new Request.Send("recipient" + i, id(i, n), payload(i, n))));
                    }
                }
            }
            if ((i + 1) % 3 == 2) {
                recipientConns.get(i).get(0).awaitClose();
                TestClient again = connect(1);
                recipients[i].authenticate(again);
                recipientConns.get(i).add(again);
            }
        }
        for (int i = 0; i < pairs; i++) {
            for (int n = perSender / 2; n < perSender; n++) {
                answers.get(i).put(n, senderConn[i].send(new Request.Send("recipient" + i, id(i, n), payload(i, n))));
            }
        }
        for (int i = 0; i < pairs; i++) {
            for (CompletableFuture<Response> answer : answers.get(i).values()) {
                assertThat(answer.get(20, TimeUnit.SECONDS)).isInstanceOf(Response.SendAccepted.class);
            }
        }
        for (int i = 0; i < pairs; i++) {
            Map<String, Set<Long>> idsByPayload = awaitPayloads(recipientConns.get(i), perSender);
            assertThat(idsByPayload).as("recipient %d got every message", i).hasSize(perSender);
            idsByPayload.forEach((payload, ids) -> assertThat(ids).as("%s stored once", payload).hasSize(1));
            TestClient current = recipientConns.get(i).get(recipientConns.get(i).size() - 1);
            for (Set<Long> ids : idsByPayload.values()) {
                assertThat(current.request(new Request.Ack(ids.iterator().next()))).isEqualTo(new Response.Ok());
            }
        }
        assertThat(cluster.node(0).metrics().render()).contains("parley_relay_stored_blobs 0");
    }

    /** Waits until the recipient's connections together received {@code count} distinct payloads. */
    private static Map<String, Set<Long>> awaitPayloads(List<TestClient> connections, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Map<String, Set<Long>> seen = new HashMap<>();
            for (TestClient c : connections) {
                for (Push push : c.pendingPushes()) {
                    if (push instanceof Push.Deliver d) {
                        seen.computeIfAbsent(new String(d.blob(), StandardCharsets.UTF_8), k -> new HashSet<>())
                                .add(d.messageId());
                    }
                }
            }
            if (seen.size() >= count || System.nanoTime() > deadline) {
                return seen;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void whilePostgresIsDownSendsAreRefusedRetryablyAndNothingAcceptedIsLost() throws Exception {
        cluster = ClusterNodes.start(root, ENGINES.storeUri(), 2, c -> c);
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestClient a = connect(0);
        TestClient b = connect(1);
        alice.register(a, 1);
        bob.register(b, 1);
        alice.authenticate(a);
        bob.authenticate(b);
        assertThat(b.drainUntilQueueEmpty()).isEmpty();
        Map<Integer, Response> answers = new HashMap<>();
        for (int n = 0; n < 5; n++) {
            answers.put(n, a.request(new Request.Send("bob", id(1, n), payload(1, n))));
        }
        ENGINES.stopPostgres();
        assertThat(healthStatus(cluster.node(0))).isEqualTo(503);
        for (int n = 5; n < 10; n++) {
            answers.put(n, a.request(new Request.Send("bob", id(1, n), payload(1, n))));
        }
        assertThat(answers.values()).filteredOn(r -> r instanceof Response.ErrorResponse)
                .allSatisfy(r -> assertThat(((Response.ErrorResponse) r).code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                .hasSize(5);
        ENGINES.startPostgres();
        // The client's outbox: every send not accepted is resent with its client message id until it is.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int n = 0; n < 10; n++) {
            while (!(answers.get(n) instanceof Response.SendAccepted) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                answers.put(n, a.request(new Request.Send("bob", id(1, n), payload(1, n))));
            }
            assertThat(answers.get(n)).isInstanceOf(Response.SendAccepted.class);
        }
        // Nothing accepted is lost: what bob's connection got live plus what a new connection drains is everything.
        // (Live wake-ups resume too, but this test does not rely on their timing after the restart.)
        TestClient again = connect(1);
        bob.authenticate(again);
        Map<String, Set<Long>> received = awaitPayloads(List.of(b, again), 10);
        assertThat(received).hasSize(10);
        received.forEach((payload, ids) -> assertThat(ids).as("%s stored once", payload).hasSize(1));
        assertThat(healthStatus(cluster.node(0))).isEqualTo(200);
    }

    private static int healthStatus(RelayServer node) throws Exception {
        URI base = node.uri();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + base.getHost() + ":" + base.getPort() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void anAttachmentUploadedOnOneNodeResumesOnAnotherAndIsDownloadedFromAThird() throws Exception {
        cluster = ClusterNodes.start(root, ENGINES.storeUri(), 3, c -> c);
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestClient a = connect(0);
        alice.register(a, 1);
        bob.register(a, 1);
        alice.authenticate(a);
        byte[] file = new byte[2 * AttachmentFormat.PLAIN_CHUNK_BYTES + 777];
        new java.util.Random(7).nextBytes(file);
        SecretBytes key = SecretBytes.copyOf(TestUser.CRYPTO.random().bytes(32));
        AttachmentEncryptor encryptor = new AttachmentEncryptor(TestUser.CRYPTO.secretBox(), key,
                new ByteArrayInputStream(file), file.length);
        List<byte[]> chunks = new ArrayList<>();
        while (encryptor.hasNext()) {
            chunks.add(encryptor.next());
        }
        byte[] digest = encryptor.digest();
        long total = chunks.stream().mapToLong(c -> c.length).sum();
        byte[] attachment = ((Response.AttachmentCreated) a.request(new Request.AttachmentBegin(total, List.of("bob"))))
                .attachmentId();
        assertThat(a.request(new Request.AttachmentPut(attachment, 0, chunks.get(0))))
                .isEqualTo(new Response.AttachmentProgress(1, false));
        a.close();
        TestClient a2 = connect(1);
        alice.authenticate(a2);
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(a2.request(new Request.AttachmentPut(attachment, i, chunks.get(i))))
                    .isEqualTo(new Response.AttachmentProgress(i + 1, i == chunks.size() - 1));
        }
        TestClient b = connect(2);
        bob.authenticate(b);
        java.io.ByteArrayOutputStream ciphertext = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < chunks.size(); i++) {
            ciphertext.writeBytes(((Response.AttachmentChunk) b.request(new Request.AttachmentGet(attachment, i))).chunk());
        }
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        AttachmentDecryptor.decrypt(TestUser.CRYPTO.secretBox(), key, file.length, digest,
                new ByteArrayInputStream(ciphertext.toByteArray()), plain);
        assertThat(plain.toByteArray()).isEqualTo(file);
    }

    @Test
    void healthAndMetricsReportTheSharedStore() throws Exception {
        cluster = ClusterNodes.start(root, ENGINES.storeUri(), 1, c -> c);
        URI base = cluster.node(0).uri();
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + base.getHost() + ":" + base.getPort() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("ok\n").contains("store=postgresql up latency_us=");
        String metrics = cluster.node(0).metrics().render();
        assertThat(metrics).contains("parley_relay_store_up 1").contains("parley_relay_store_latency_microseconds ");
    }
}
