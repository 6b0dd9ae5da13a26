package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.store.H2Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole happy path over a real relay (Tyrus on loopback, H2 files) and real clients. */
class RelayFlowTest {
    @RegisterExtension
    final DiskRelay relay = new DiskRelay();

    static byte[] clientMessageId(int n) {
        byte[] id = new byte[16];
        id[15] = (byte) n;
        id[14] = (byte) (n >> 8);
        return id;
    }

    @Test
    void registerAuthenticateLookUpSendOnlineAcknowledgeAndTheBlobIsGoneFromDisk() throws Exception {
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestClient a = relay.connect();
        TestClient b = relay.connect();
        alice.register(a, 3);
        bob.register(b, 2);
        assertThat(alice.authenticate(a).oneTimePreKeysRemaining()).isEqualTo(3);
        bob.authenticate(b);
        assertThat(a.drainUntilQueueEmpty()).isEmpty();
        assertThat(b.drainUntilQueueEmpty()).isEmpty();

        Response.Bundle bundle = (Response.Bundle) a.request(new Request.FetchBundle("bob"));
        PreKeyBundle keys = bundle.bundle();
        assertThat(keys.identityKey()).isEqualTo(bob.identity.publicKey());
        assertThat(keys.signedPreKey()).isEqualTo(bob.signedPreKey);
        assertThat(keys.oneTimePreKey()).isPresent();
        Response.Bundle second = (Response.Bundle) a.request(new Request.FetchBundle("bob"));
        assertThat(second.bundle().oneTimePreKey()).isPresent().isNotEqualTo(keys.oneTimePreKey());
        assertThat(b.awaitPush(Push.PreKeysLow.class).remaining()).isEqualTo(1);
        assertThat(b.awaitPush(Push.PreKeysLow.class).remaining()).isEqualTo(0);
        assertThat(((Response.Bundle) a.request(new Request.FetchBundle("bob"))).bundle().oneTimePreKey()).isEmpty();
        assertThat(a.request(new Request.UploadPreKeys(null, bob.oneTimePreKeys(1))))
                .isEqualTo(new Response.PreKeyCount(3));
        assertThat(b.request(bob.preKeySets(5))).isEqualTo(new Response.PreKeyCount(5));

        byte[] blob = "sealed-bytes-for-bob".getBytes(StandardCharsets.UTF_8);
        assertThat(a.request(new Request.Send("bob", clientMessageId(1), blob))).isEqualTo(new Response.SendAccepted(false));
        Push.Deliver deliver = b.awaitPush(Push.Deliver.class);
        assertThat(deliver.blob()).isEqualTo(blob);
        assertThat(relay.server().metrics().render()).contains("parley_relay_stored_blobs 1");
        assertThat(b.request(new Request.Ack(deliver.messageId()))).isEqualTo(new Response.Ok());
        // an ack of a blob that is gone is answered, and is no abuse: more than the 20 strikes leave the connection open
        for (int i = 0; i < 25; i++) {
            assertThat(b.expectError(new Request.Ack(deliver.messageId())).code()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE);
        }
        assertThat(b.isOpen()).isTrue();

        relay.stop();
        try (H2Database db = H2Database.open(relay.dataDir())) {
            assertThat(db.blobs().queued("bob", 0, 10)).isEmpty();
            assertThat(db.blobs().totalQueued()).isZero();
        }
    }

    @Test
    void anOfflineRecipientGetsEverythingInOrderExactlyOnceThenLiveMessages() throws Exception {
        TestUser alice = new TestUser("alice");
        TestUser carol = new TestUser("carol");
        TestClient a = relay.connect();
        alice.register(a, 0);
        TestClient c0 = relay.connect();
        carol.register(c0, 0);
        c0.close();
        alice.authenticate(a);
        for (int i = 0; i < 25; i++) {
            assertThat(a.request(new Request.Send("carol", clientMessageId(i), new byte[] {(byte) i})))
                    .isEqualTo(new Response.SendAccepted(false));
        }
        assertThat(a.request(new Request.Send("carol", clientMessageId(3), new byte[] {3})))
                .isEqualTo(new Response.SendAccepted(true));

        TestClient c = relay.connect();
        carol.authenticate(c);
        List<Push.Deliver> queued = c.drainUntilQueueEmpty();
        assertThat(queued).extracting(d -> (int) d.blob()[0]).containsExactlyElementsOf(range(25));
        assertThat(queued).extracting(Push.Deliver::messageId).isSorted().doesNotHaveDuplicates();
        for (Push.Deliver d : queued) {
            assertThat(c.request(new Request.Ack(d.messageId()))).isEqualTo(new Response.Ok());
        }
        a.request(new Request.Send("carol", clientMessageId(99), new byte[] {99}));
        assertThat(c.awaitPush(Push.Deliver.class).blob()).containsExactly(99);
        assertThat(c.pendingPushes()).noneMatch(p -> p instanceof Push.Deliver);
    }

    @Test
    void unacknowledgedBlobsAreDeliveredAgainOnTheNextConnection() throws Exception {
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestClient a = relay.connect();
        alice.register(a, 0);
        bob.register(a, 0);
        alice.authenticate(a);
        a.request(new Request.Send("bob", clientMessageId(1), new byte[] {1}));
        a.request(new Request.Send("bob", clientMessageId(2), new byte[] {2}));

        TestClient b1 = relay.connect();
        bob.authenticate(b1);
        List<Push.Deliver> first = b1.drainUntilQueueEmpty();
        assertThat(first).hasSize(2);
        b1.request(new Request.Ack(first.get(0).messageId()));
        b1.close();

        TestClient b2 = relay.connect();
        bob.authenticate(b2);
        assertThat(b2.drainUntilQueueEmpty()).extracting(Push.Deliver::messageId)
                .containsExactly(first.get(1).messageId());
    }

    @Test
    void ephemeralFramesReachOnlineRecipientsAndAreNeverStored() throws Exception {
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestClient a = relay.connect();
        alice.register(a, 0);
        bob.register(a, 0);
        alice.authenticate(a);
        assertThat(a.request(new Request.SendEphemeral("bob", new byte[] {7}))).isEqualTo(new Response.Ok());
        TestClient b = relay.connect();
        bob.authenticate(b);
        assertThat(b.drainUntilQueueEmpty()).isEmpty();
        a.request(new Request.SendEphemeral("bob", new byte[] {8}));
        assertThat(b.awaitPush(Push.Ephemeral.class).blob()).containsExactly(8);
        assertThat(relay.server().metrics().render()).contains("parley_relay_stored_blobs 0");
    }

    @Test
    void neitherTheDiskNorTheRecipientsFramesHoldThePlaintextOrTheSenderName() throws Exception {
        TestUser sender = new TestUser("sender-zq7");
        TestUser bob = new TestUser("bob");
        TestClient a = relay.connect();
        sender.register(a, 1);
        bob.register(a, 1);
        sender.authenticate(a);
        TestClient b0 = relay.connect();
        bob.authenticate(b0);
        b0.drainUntilQueueEmpty();
        X25519KeyPair bobSealKey = TestUser.CRYPTO.x25519().generateKeyPair();
        String marker = "PLAINTEXT-MARKER-4c1d";
        for (int i = 0; i < 3; i++) {
            byte[] sealed = TestUser.CRYPTO.sealedBox().seal(bobSealKey.publicKey(),
                    ("from sender-zq7: " + marker + " #" + i).getBytes(StandardCharsets.UTF_8));
            a.request(new Request.Send("bob", clientMessageId(i), sealed));
        }
        List<Push.Deliver> online = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            online.add(b0.awaitPush(Push.Deliver.class));
        }
        b0.close();
        TestClient b = relay.connect();
        bob.authenticate(b);
        List<Push.Deliver> again = b.drainUntilQueueEmpty();
        assertThat(again).hasSize(3);
        assertThat(new String(TestUser.CRYPTO.sealedBox().open(bobSealKey, again.get(0).blob()), StandardCharsets.UTF_8))
                .contains(marker);
        List<byte[]> frames = new ArrayList<>(b0.receivedMessages());
        frames.addAll(b.receivedMessages());
        for (byte[] frame : frames) {
            assertThat(contains(frame, marker)).isFalse();
            assertThat(contains(frame, "sender-zq7")).isFalse();
        }
        relay.stop();
        try (Stream<Path> files = Files.walk(relay.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                assertThat(contains(content, marker)).as(file.toString()).isFalse();
                assertThat(contains(content, "sender-zq7")).as(file.toString()).isFalse();
                assertThat(contains(content, "bob")).as(file.toString()).isFalse();
            }
        }
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
