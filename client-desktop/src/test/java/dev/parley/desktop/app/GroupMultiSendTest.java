package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.envelope.MultiRecipientSeal;
import dev.parley.crypto.group.GroupCipher;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.SenderKeyState;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.testing.MultiRecipientSealV1;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.crypto.wire.Response.MultiSendStatus;
import dev.parley.crypto.wire.Response.RecipientOutcome;
import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #15, one upload per group message over the real relay (docs/protocol.md 1.15.4): forged multi-recipient
 * envelopes (a header bound to another body, a header copied from another recipient, a truncated blob, a header
 * sealed by someone no longer a member) are dropped and the rest of the batch is delivered; a recipient whose queue
 * is full is reported alone and keeps its entry in the sender's outbox.
 */
class GroupMultiSendTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Sixteen queued blobs per recipient at most. */
    @RegisterExtension
    final TestNetwork network = new TestNetwork(c -> c.withQueueQuota(16));

    private static Payload.Text text(String body) {
        return new Payload.Text(MessageId.random(TestNetwork.CRYPTO.random()), System.currentTimeMillis(), body);
    }

    private long multiSends() {
        for (String line : network.relay.metrics().render().split("\n")) {
            if (line.startsWith("parley_relay_multi_sends_total ")) {
                return Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new AssertionError("no multi-send metric");
    }

    private static List<String> bodies(ParleyApp app, GroupId group) throws Exception {
        return app.messaging().history(ConversationId.group(group).value(), Optional.empty(), 50).messages().stream()
                .map(Message::body).toList();
    }

    private static boolean shows(ParleyApp app, GroupId group, String body) {
        try {
            return bodies(app, group).contains(body);
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> waitingFor(ParleyApp app) {
        try {
            return ((Outbox) app.messaging()).pending().stream().map(Outbox.Item::recipient).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    @Test
    void forgedHeadersAreDroppedAndTheRestOfTheBatchIsDelivered() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        alice.connection().start();
        MultiRecipientSeal seal = new MultiRecipientSeal(TestNetwork.CRYPTO);
        GroupCipher cipher = new GroupCipher(TestNetwork.CRYPTO, TestNetwork.CRYPTO.random());
        GroupId id;
        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            id = alice.groups().create("Hikers", List.of("bob", "mallory")).state().id();
            assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
            mallory.startSessionNow("bob");
            SenderKeyState key = cipher.create(id);
            mallory.sendAs("mallory", "bob", new Payload.SenderKey(key.distribution()));

            GroupCipher.Encrypted honest = cipher.encrypt(key, text("mallory, sent once"));
            key = honest.next();
            MultiRecipientSeal.Sealed sealed = seal.seal(List.of(mallory.peerKey("bob")), mallory.identity,
                    mallory.certificate, honest.message().serialize(), TestNetwork.CRYPTO.random());
            assertThat(mallory.sendMulti(List.of("bob"), sealed.headers(), sealed.body()))
                    .extracting(RecipientOutcome::status).containsExactly(MultiSendStatus.ACCEPTED);

            GroupCipher.Encrypted old = cipher.encrypt(key, text("mallory, from an old client"));
            key = old.next();
            List<byte[]> version1 = new MultiRecipientSealV1(TestNetwork.CRYPTO).seal(List.of(mallory.peerKey("bob")),
                    mallory.identity, mallory.certificate, old.message().serialize(), TestNetwork.CRYPTO.random());
            assertThat(mallory.sendMulti(List.of("bob"), List.of(version1.get(1)), version1.get(0)))
                    .extracting(RecipientOutcome::status).containsExactly(MultiSendStatus.ACCEPTED);

            GroupCipher.Encrypted swapped = cipher.encrypt(key, text("a header bound to another body"));
            key = swapped.next();
            byte[] k = TestNetwork.CRYPTO.random().bytes(32);
            try (X25519KeyPair ephemeral = seal.ephemeral(TestNetwork.CRYPTO.random())) {
                byte[] body = seal.body(k, ephemeral.publicKey(), mallory.identity, mallory.certificate,
                        swapped.message().serialize());
                byte[] header = seal.header(mallory.peerKey("bob"), mallory.identity, ephemeral, k,
                        seal.sha256(sealed.body()));
                mallory.sendMulti(List.of("bob"), List.of(header), body);
            }

            GroupCipher.Encrypted cut = cipher.encrypt(key, text("truncated"));
            key = cut.next();
            MultiRecipientSeal.Sealed whole = seal.seal(List.of(mallory.peerKey("bob")), mallory.identity,
                    mallory.certificate, cut.message().serialize(), TestNetwork.CRYPTO.random());
            byte[] blob = new MultiRecipientBlob(whole.headers().get(0), whole.body()).encode();
            mallory.send("bob", Arrays.copyOf(blob, blob.length - 40));

            alice.groups().send("Hikers", "alice to all");
            mallory.send("bob", mallory.nextMultiRecipientBlob());      // her own header, copied to bob

            alice.groups().remove("Hikers", List.of("mallory"));
            assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
            GroupCipher.Encrypted removed = cipher.encrypt(key, text("mallory after her removal"));
            MultiRecipientSeal.Sealed late = seal.seal(List.of(mallory.peerKey("bob")), mallory.identity,
                    mallory.certificate, removed.message().serialize(), TestNetwork.CRYPTO.random());
            mallory.sendMulti(List.of("bob"), late.headers(), late.body());
            mallory.acknowledgeAll();
        }
        alice.groups().send("Hikers", "after the forged ones");
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();

        ParleyApp bob = network.unlock("bob");
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).as("every envelope acknowledged").isTrue();
        assertThat(bodies(bob, id)).containsExactlyInAnyOrder("alice created the group \"Hikers\"",
                "mallory, sent once", "mallory, from an old client", "alice to all", "alice removed mallory", "after the forged ones");
    }

    @Test
    void aRecipientWhoseQueueIsFullIsReportedAloneAndTheOthersGetTheMessageFromOneUpload() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        network.register("carol").close();
        alice.connection().start();
        bob.connection().start();
        GroupId id = alice.groups().create("Climbing", List.of("bob", "carol")).state().id();
        alice.groups().send("Climbing", "first");
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        assertThat(((Outbox) alice.messaging()).pending()).as("carol holds the creation, the key and a message")
                .isEmpty();
        try (OutsideClient eve = OutsideClient.register(network, "eve")) {
            eve.floodTexts("carol", 13, 13);
        }

        long before = multiSends();
        alice.groups().send("Climbing", "carol's queue is full");
        assertThat(Await.until(() -> shows(bob, id, "carol's queue is full"), WAIT)).isTrue();
        assertThat(Await.until(() -> waitingFor(alice).equals(List.of("carol")), WAIT))
                .as("bob's entry left the outbox, carol's stays to be retried later").isTrue();
        assertThat(multiSends() - before).as("one upload for both recipients").isEqualTo(1);
        List<Outbox.Item> waiting = ((Outbox) alice.messaging()).pending();
        assertThat(MultiRecipientBlob.isMultiRecipient(waiting.get(0).blob())).isTrue();
        assertThat(bodies(bob, id)).contains("first");
    }
}
