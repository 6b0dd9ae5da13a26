package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #17, linked devices on the relay (docs/protocol.md, "Linked devices"): per-device credentials, queues and
 * prekeys, the stale-list answer, unlinking and the device limit. A real relay over real WebSockets on real H2 files.
 */
class LinkedDevicesTest {
    private static final byte[] NO_CHANNEL = AuthProof.noChannel();

    @RegisterExtension
    final DiskRelay relay = new DiskRelay();

    /** A registered user logged in as device 1 with its identity key, queue drained. */
    private TestClient registered(TestUser user) throws Exception {
        TestClient client = relay.connect();
        user.register(client, 5);
        user.authenticate(client);
        client.drainUntilQueueEmpty();
        return client;
    }

    private static byte[] relayId(TestClient client) throws InterruptedException {
        return client.firstChallenge().relayId();
    }

    private static Ed25519KeyPair newKey() {
        return TestUser.CRYPTO.ed25519().generateKeyPair();
    }

    /** Gives the logged-in device its own credential key. */
    private static void giveCredential(TestClient client, TestUser user, int deviceId, Ed25519KeyPair key)
            throws Exception {
        byte[] proof = TestUser.CRYPTO.ed25519().sign(key,
                AuthProof.deviceCredentialMessage(relayId(client), user.username, deviceId));
        assertThat(client.request(new Request.DeviceCredential(key.publicKey(), proof))).isEqualTo(new Response.Ok());
    }

    /** What an existing device sends to register a new one with this credential key and its own prekeys. */
    private static Request.DeviceAdd deviceAdd(TestClient existing, TestUser user, Ed25519KeyPair key, String name)
            throws Exception {
        byte[] pub = TestUser.CRYPTO.x25519().generateKeyPair().publicKey();
        SignedPreKeyPublic spk = new SignedPreKeyPublic(7, pub,
                TestUser.CRYPTO.ed25519().sign(user.identity, SignedPreKeyPublic.signedMessage(7, pub)));
        byte[] proof = TestUser.CRYPTO.ed25519().sign(key, AuthProof.deviceAddMessage(relayId(existing), user.username));
        return new Request.DeviceAdd(key.publicKey(), name.getBytes(StandardCharsets.UTF_8), spk,
                user.oneTimePreKeys(1), user.kemPreKey(50), user.kemPreKeys(1), proof);
    }

    private static int add(TestClient existing, TestUser user, Ed25519KeyPair key, String name) throws Exception {
        Response response = existing.request(deviceAdd(existing, user, key, name));
        assertThat(response).isInstanceOf(Response.DeviceAdded.class);
        return ((Response.DeviceAdded) response).deviceId();
    }

    private static Response signInAsDevice(TestClient client, TestUser user, int deviceId, Ed25519KeyPair key)
            throws Exception {
        Push.Challenge challenge = client.latestChallenge();
        byte[] signature = TestUser.CRYPTO.ed25519().sign(key, AuthProof.deviceMessage(challenge.relayId(),
                challenge.nonce(), user.username, deviceId, NO_CHANNEL));
        return client.request(new Request.DeviceAuthenticate(user.username, deviceId, signature));
    }

    private TestClient device(TestUser user, int deviceId, Ed25519KeyPair key) throws Exception {
        TestClient client = relay.connect();
        assertThat(signInAsDevice(client, user, deviceId, key)).isInstanceOf(Response.Authenticated.class);
        client.drainUntilQueueEmpty();
        return client;
    }

    private static byte[] bytes(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static Request.DeviceSend copies(String to, byte[] clientMessageId, int... deviceIds) {
        List<Request.DeviceCopy> copies = new ArrayList<>();
        for (int id : deviceIds) {
            copies.add(new Request.DeviceCopy(id, bytes(40, id)));
        }
        return new Request.DeviceSend(to, clientMessageId, copies);
    }

    private static Request.DeviceSendEphemeral ephemerals(String to, int... deviceIds) {
        List<Request.DeviceCopy> copies = new ArrayList<>();
        for (int id : deviceIds) {
            copies.add(new Request.DeviceCopy(id, bytes(41, id)));
        }
        return new Request.DeviceSendEphemeral(to, copies);
    }

    @Test
    void aSecondDeviceNeedsOwnCredentialsThenEachDeviceGetsItsOwnCopyOnce() throws Exception {
        TestUser alice = new TestUser("alice");
        TestClient alice1 = registered(alice);
        Ed25519KeyPair key1 = newKey();
        Ed25519KeyPair key2 = newKey();
        assertThat(alice1.expectError(deviceAdd(alice1, alice, key2, "laptop")).code())
                .as("device 1 still logs in with the identity key").isEqualTo(ErrorCode.DEVICE_CREDENTIAL_REQUIRED);
        giveCredential(alice1, alice, 1, key1);
        assertThat(add(alice1, alice, key2, "laptop")).isEqualTo(2);

        TestClient stale = relay.connect();
        Response oldLogin = stale.request(alice.answer(stale.awaitPush(Push.Challenge.class)));
        assertThat(((Response.ErrorResponse) oldLogin).code())
                .as("the identity key alone no longer logs in").isEqualTo(ErrorCode.AUTH_FAILED);
        TestClient wrongKey = relay.connect();
        assertThat(((Response.ErrorResponse) signInAsDevice(wrongKey, alice, 2, key1)).code())
                .as("one device's key is not another's").isEqualTo(ErrorCode.AUTH_FAILED);

        TestClient alice2 = device(alice, 2, key2);
        TestUser bob = new TestUser("bob");
        TestClient bob1 = registered(bob);
        assertThat(bob1.request(new Request.Send("alice", bytes(16, 1), bytes(30, 1))))
                .as("a plain send to a two-device account").isEqualTo(new Response.DeviceListStale("alice", List.of(1, 2)));
        assertThat(bob1.request(copies("alice", bytes(16, 2), 1)))
                .isEqualTo(new Response.DeviceListStale("alice", List.of(1, 2)));
        assertThat(bob1.request(copies("alice", bytes(16, 2), 1, 2))).isEqualTo(new Response.SendAccepted(false));
        assertThat(alice1.awaitPush(Push.Deliver.class).blob()).isEqualTo(bytes(40, 1));
        assertThat(alice2.awaitPush(Push.Deliver.class).blob()).isEqualTo(bytes(40, 2));

        // Ephemerals (typing, presence) reach every device too, with the same list check.
        assertThat(bob1.request(new Request.SendEphemeral("alice", bytes(30, 3))))
                .isEqualTo(new Response.DeviceListStale("alice", List.of(1, 2)));
        assertThat(bob1.request(ephemerals("alice", 2))).isEqualTo(new Response.DeviceListStale("alice", List.of(1, 2)));
        assertThat(bob1.request(ephemerals("alice", 1, 2))).isEqualTo(new Response.Ok());
        assertThat(alice1.awaitPush(Push.Ephemeral.class).blob()).isEqualTo(bytes(41, 1));
        assertThat(alice2.awaitPush(Push.Ephemeral.class).blob()).isEqualTo(bytes(41, 2));
        assertThat(alice2.request(ephemerals("alice", 1))).as("an own other device").isEqualTo(new Response.Ok());
        assertThat(alice1.awaitPush(Push.Ephemeral.class).blob()).isEqualTo(bytes(41, 1));

        Response.DeviceListResult seenByBob = (Response.DeviceListResult) bob1.request(new Request.DeviceList("alice"));
        assertThat(seenByBob.devices()).extracting(Response.DeviceInfo::deviceId).containsExactly(1, 2);
        assertThat(seenByBob.devices()).allSatisfy(d -> assertThat(d.name()).isEmpty());
        Response.DeviceListResult own = (Response.DeviceListResult) alice2.request(new Request.DeviceList("alice"));
        assertThat(new String(own.devices().get(1).name(), StandardCharsets.UTF_8)).isEqualTo("laptop");
        assertThat(own.devices().get(1).lastSeenAtMillis()).isPositive();

        // device_rename renames the calling device only; the account's devices see the new (sealed) name
        assertThat(alice2.request(new Request.DeviceRename("work laptop".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new Response.Ok());
        Response.DeviceListResult renamed = (Response.DeviceListResult) alice1.request(new Request.DeviceList("alice"));
        assertThat(new String(renamed.devices().get(1).name(), StandardCharsets.UTF_8)).isEqualTo("work laptop");
        assertThat(renamed.devices().get(0).name()).isEqualTo(own.devices().get(0).name());
    }

    @Test
    void aSendToAStaleListIsCorrectedAndRetriedDeliveredOncePerDeviceAndSentTranscriptsReachTheOtherDevices()
            throws Exception {
        TestUser alice = new TestUser("alice");
        TestClient alice1 = registered(alice);
        Ed25519KeyPair key1 = newKey();
        giveCredential(alice1, alice, 1, key1);
        TestUser bob = new TestUser("bob");
        TestClient bob1 = registered(bob);
        byte[] id = bytes(16, 9);
        // bob knows only device 1; alice links device 2 before bob sends.
        int second = add(alice1, alice, newKey(), "desk");
        Response answer = bob1.request(copies("alice", id, 1));
        assertThat(answer).isEqualTo(new Response.DeviceListStale("alice", List.of(1, second)));
        assertThat(bob1.request(copies("alice", id, 1, second))).isEqualTo(new Response.SendAccepted(false));
        assertThat(bob1.request(copies("alice", id, 1, second))).as("a retry stores nothing twice")
                .isEqualTo(new Response.SendAccepted(true));
        assertThat(alice1.awaitPush(Push.Deliver.class).blob()).isEqualTo(bytes(40, 1));

        // alice's own other device gets the transcript; her own device is never named.
        assertThat(alice1.request(copies("alice", bytes(16, 10), 1, second)))
                .isEqualTo(new Response.DeviceListStale("alice", List.of(second)));
        assertThat(alice1.request(copies("alice", bytes(16, 10), second))).isEqualTo(new Response.SendAccepted(false));
        Ed25519KeyPair unused = newKey();
        TestClient lateDevice = relay.connect();
        assertThat(((Response.ErrorResponse) signInAsDevice(lateDevice, alice, second, unused)).code())
                .isEqualTo(ErrorCode.AUTH_FAILED);
        assertThat(alice1.pendingPushes()).noneMatch(p -> p instanceof Push.Deliver);
    }

    /**
     * Issue #17 with groups: a {@code send_multi} reaches every current device of each recipient (one stored or pushed
     * copy per device, acknowledged per device), and the sender's own other devices when it names its own account.
     */
    @Test
    void aMultiRecipientSendReachesEveryDeviceOfEachRecipientOnceAndEachDeviceAcksItsOwnCopy() throws Exception {
        TestUser alice = new TestUser("alice");
        TestClient alice1 = registered(alice);
        giveCredential(alice1, alice, 1, newKey());
        Ed25519KeyPair key2 = newKey();
        int second = add(alice1, alice, key2, "laptop");
        TestUser carol = new TestUser("carol");
        TestClient carol1 = registered(carol);
        TestClient bob1 = registered(new TestUser("bob"));
        byte[] body = bytes(60, 7);
        Request.SendMulti multi = new Request.SendMulti(List.of(
                new Request.MultiRecipient("alice", bytes(16, 20), bytes(113, 1)),
                new Request.MultiRecipient("carol", bytes(16, 21), bytes(113, 2))), body);
        Response answer = bob1.request(multi);
        assertThat(((Response.SendMultiResult) answer).outcomes()).extracting(Response.RecipientOutcome::status)
                .containsExactly(Response.MultiSendStatus.ACCEPTED, Response.MultiSendStatus.ACCEPTED);
        byte[] forAlice = new dev.parley.crypto.wire.MultiRecipientBlob(bytes(113, 1), body).encode();
        Push.Deliver first = alice1.awaitPush(Push.Deliver.class);
        assertThat(first.blob()).as("the online device: pushed").isEqualTo(forAlice);
        assertThat(carol1.awaitPush(Push.Deliver.class).blob())
                .isEqualTo(new dev.parley.crypto.wire.MultiRecipientBlob(bytes(113, 2), body).encode());
        assertThat(alice1.request(new Request.Ack(first.messageId()))).isEqualTo(new Response.Ok());

        // The laptop was offline: its copy was stored, and it gets it (once) when it logs in.
        TestClient alice2 = relay.connect();
        assertThat(signInAsDevice(alice2, alice, second, key2)).isInstanceOf(Response.Authenticated.class);
        Push.Deliver stored = alice2.awaitPush(Push.Deliver.class);
        assertThat(stored.blob()).isEqualTo(forAlice);
        assertThat(alice2.drainUntilQueueEmpty()).as("once").isEmpty();
        assertThat(alice2.request(new Request.Ack(stored.messageId()))).isEqualTo(new Response.Ok());
        Response retried = bob1.request(multi);
        assertThat(((Response.SendMultiResult) retried).outcomes()).extracting(Response.RecipientOutcome::status)
                .as("a retry stores nothing twice on any device")
                .containsExactly(Response.MultiSendStatus.DUPLICATE, Response.MultiSendStatus.DUPLICATE);

        // The sender's own account: its other devices get it, never the sending device itself.
        Response own = alice1.request(new Request.SendMulti(List.of(
                new Request.MultiRecipient("alice", bytes(16, 22), bytes(113, 3)),
                new Request.MultiRecipient("carol", bytes(16, 22), bytes(113, 4))), body));
        assertThat(((Response.SendMultiResult) own).outcomes()).extracting(Response.RecipientOutcome::status)
                .containsExactly(Response.MultiSendStatus.ACCEPTED, Response.MultiSendStatus.ACCEPTED);
        assertThat(alice2.awaitPush(Push.Deliver.class).blob())
                .isEqualTo(new dev.parley.crypto.wire.MultiRecipientBlob(bytes(113, 3), body).encode());
        assertThat(carol1.awaitPush(Push.Deliver.class).blob())
                .isEqualTo(new dev.parley.crypto.wire.MultiRecipientBlob(bytes(113, 4), body).encode());
        assertThat(alice1.pendingPushes()).noneMatch(p -> p instanceof Push.Deliver);
    }

    @Test
    void theSeventhDeviceIsRefusedAndEachDeviceHasItsOwnBundle() throws Exception {
        TestUser carol = new TestUser("carol");
        TestClient carol1 = registered(carol);
        giveCredential(carol1, carol, 1, newKey());
        for (int expected = 2; expected <= 6; expected++) {
            assertThat(add(carol1, carol, newKey(), "device " + expected)).isEqualTo(expected);
        }
        Response.ErrorResponse seventh = carol1.expectError(deviceAdd(carol1, carol, newKey(), "one too many"));
        assertThat(seventh.code()).isEqualTo(ErrorCode.DEVICE_LIMIT);
        assertThat(seventh.reason()).contains("at most 6 devices");

        TestClient bob1 = registered(new TestUser("bob"));
        Response.Bundle third = (Response.Bundle) bob1.request(new Request.DeviceFetchBundle("carol", 3));
        Response.Bundle first = (Response.Bundle) bob1.request(new Request.FetchBundle("carol"));
        assertThat(third.bundle().identityKey()).as("one identity per account").isEqualTo(carol.identity.publicKey());
        assertThat(third.bundle().signedPreKey().id()).isEqualTo(7);
        assertThat(first.bundle().signedPreKey().id()).isEqualTo(1);
        assertThat(bob1.expectError(new Request.DeviceFetchBundle("carol", 9)).code()).isEqualTo(ErrorCode.UNKNOWN_DEVICE);

        Request.DeviceAdd forged = deviceAdd(carol1, carol, newKey(), "forged");
        Request.DeviceAdd badProof = new Request.DeviceAdd(forged.credentialKey(), forged.name(), forged.signedPreKey(),
                forged.oneTimePreKeys(), forged.lastResortKemPreKey(), forged.kemPreKeys(), bytes(64, 1));
        carol1.request(new Request.DeviceUnlink(6));
        assertThat(carol1.expectError(badProof).code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void anUnlinkedDeviceIsClosedRefusedAndLosesItsQueueAndTheLastDeviceStays() throws Exception {
        TestUser alice = new TestUser("alice");
        TestClient alice1 = registered(alice);
        giveCredential(alice1, alice, 1, newKey());
        Ed25519KeyPair key2 = newKey();
        int second = add(alice1, alice, key2, "old laptop");
        TestClient alice2 = device(alice, second, key2);
        TestClient bob1 = registered(new TestUser("bob"));
        alice2.close();
        assertThat(bob1.request(copies("alice", bytes(16, 3), 1, second))).isEqualTo(new Response.SendAccepted(false));
        assertThat(alice1.request(new Request.Ack(alice1.awaitPush(Push.Deliver.class).messageId())))
                .isEqualTo(new Response.Ok());
        alice2 = device(alice, second, key2);
        // the copy waits for device 2 (reconnecting, it is delivered again, not acknowledged) until it is unlinked.
        assertThat(alice2.receivedEnvelopes()).anyMatch(e -> e.frame() instanceof Push.Deliver);
        assertThat(storedBlobs()).isEqualTo("1");

        assertThat(alice1.request(new Request.DeviceUnlink(second))).isEqualTo(new Response.Ok());
        assertThat(storedBlobs()).as("the unlinked device's queue is gone").isEqualTo("0");
        assertThat(alice2.awaitClose().getCloseCode().getCode()).isEqualTo(4002);
        TestClient again = relay.connect();
        Response.ErrorResponse refused = (Response.ErrorResponse) signInAsDevice(again, alice, second, key2);
        assertThat(refused.code()).isEqualTo(ErrorCode.DEVICE_UNLINKED);
        TestClient withIdentityKey = relay.connect();
        Response byIdentity = withIdentityKey.request(alice.answer(withIdentityKey.awaitPush(Push.Challenge.class)));
        assertThat(((Response.ErrorResponse) byIdentity).code())
                .as("knowing the identity key is not a login").isEqualTo(ErrorCode.AUTH_FAILED);

        assertThat(bob1.request(copies("alice", bytes(16, 4), 1, second)))
                .isEqualTo(new Response.DeviceListStale("alice", List.of(1)));
        assertThat(bob1.request(new Request.Send("alice", bytes(16, 5), bytes(30, 5))))
                .as("one device again: a plain send works").isEqualTo(new Response.SendAccepted(false));
        assertThat(bob1.expectError(new Request.DeviceFetchBundle("alice", second)).code())
                .isEqualTo(ErrorCode.UNKNOWN_DEVICE);
        assertThat(alice1.expectError(new Request.DeviceUnlink(1)).code()).isEqualTo(ErrorCode.LAST_DEVICE);
        assertThat(alice1.expectError(new Request.DeviceUnlink(second)).code()).isEqualTo(ErrorCode.UNKNOWN_DEVICE);
    }

    private String storedBlobs() {
        return relay.server().metrics().render().lines().filter(l -> l.startsWith("parley_relay_stored_blobs "))
                .findFirst().orElseThrow().substring("parley_relay_stored_blobs ".length()).trim();
    }
}
