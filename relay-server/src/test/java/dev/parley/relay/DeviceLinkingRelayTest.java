package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.link.DeviceLinking;
import dev.parley.crypto.link.LinkCode;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #17: linking a device through a real relay. The existing device opens a channel named by the code, the new
 * device (no account yet) talks to it through the relay with the MACed handshake of {@link DeviceLinking}, receives
 * the sealed provisioning message, and once the existing device registered it with {@code device_add} it logs in as
 * its own device. Wrong codes and strangers get {@code UNKNOWN_CHANNEL}; a new device that leaves is reported to the
 * opener ({@code device_link_left}).
 */
class DeviceLinkingRelayTest {
    @RegisterExtension
    final DiskRelay relay = new DiskRelay();
    private final DeviceLinking linking = new DeviceLinking(TestUser.CRYPTO);

    /** alice's existing device, logged in with a credential key of its own (so it may add devices). */
    private TestClient existingDevice(TestUser alice) throws Exception {
        TestClient client = relay.connect();
        alice.register(client, 2);
        alice.authenticate(client);
        client.drainUntilQueueEmpty();
        Ed25519KeyPair key = TestUser.CRYPTO.ed25519().generateKeyPair();
        byte[] proof = TestUser.CRYPTO.ed25519().sign(key,
                AuthProof.deviceCredentialMessage(client.firstChallenge().relayId(), alice.username, 1));
        assertThat(client.request(new Request.DeviceCredential(key.publicKey(), proof))).isEqualTo(new Response.Ok());
        return client;
    }

    private static byte[] received(TestClient client) throws InterruptedException {
        return client.awaitPush(Push.LinkMessage.class).blob();
    }

    @Test
    void aNewDeviceLinksThroughTheRelayByTheShortCodeAndThenLogsInAsItsOwnDevice() throws Exception {
        TestUser alice = new TestUser("alice");
        TestClient desktop = existingDevice(alice);
        long now = System.currentTimeMillis();
        DeviceLinking.Offer offer = linking.offer(now);
        byte[] channel = linking.channel(offer.secret());
        assertThat(desktop.request(new Request.LinkOpen(channel))).isEqualTo(new Response.Ok());

        // The new device types the short code; it has no account and does not log in.
        TestClient laptop = relay.connect();
        LinkCode typed = LinkCode.parse(offer.code().shortCode());
        byte[] laptopChannel = linking.channel(typed.secret());
        assertThat(laptop.request(new Request.LinkSend(laptopChannel, new byte[] {1}))).isEqualTo(new Response.Ok());
        assertThat(received(desktop)).containsExactly(1);
        assertThat(desktop.request(new Request.LinkSend(channel, linking.offerMessage(offer))))
                .isEqualTo(new Response.Ok());
        DeviceLinking.Joined joined = linking.join(typed, received(laptop), "laptop", now);
        laptop.request(new Request.LinkSend(laptopChannel, joined.reply()));
        DeviceLinking.Linked confirmed = linking.accept(offer, received(desktop), now);
        assertThat(confirmed.deviceName()).isEqualTo("laptop");

        // The desktop's user confirmed "laptop": provisioning (here the identity's public half stands for it).
        desktop.request(new Request.LinkSend(channel, linking.seal(confirmed.key(), alice.identity.publicKey())));
        assertThat(linking.open(joined.key(), received(laptop))).isEqualTo(alice.identity.publicKey());

        // The laptop makes its credential key and proves it; the desktop registers it.
        Ed25519KeyPair credential = TestUser.CRYPTO.ed25519().generateKeyPair();
        byte[] proof = TestUser.CRYPTO.ed25519().sign(credential,
                AuthProof.deviceAddMessage(laptop.firstChallenge().relayId(), "alice"));
        byte[] sealedCredential = linking.seal(joined.key(), concat(credential.publicKey(), proof));
        laptop.request(new Request.LinkSend(laptopChannel, sealedCredential));
        byte[] credentialAndProof = linking.open(confirmed.key(), received(desktop));
        byte[] pub = TestUser.CRYPTO.x25519().generateKeyPair().publicKey();
        SignedPreKeyPublic spk = new SignedPreKeyPublic(3, pub,
                TestUser.CRYPTO.ed25519().sign(alice.identity, SignedPreKeyPublic.signedMessage(3, pub)));
        Response added = desktop.request(new Request.DeviceAdd(Arrays.copyOf(credentialAndProof, 32),
                confirmed.deviceName().getBytes(StandardCharsets.UTF_8), spk, alice.oneTimePreKeys(1),
                alice.kemPreKey(60), List.of(), Arrays.copyOfRange(credentialAndProof, 32, 96)));
        assertThat(added).isEqualTo(new Response.DeviceAdded(2));
        desktop.request(new Request.LinkSend(channel,
                linking.seal(confirmed.key(), ByteBuffer.allocate(4).putInt(2).array())));
        int deviceId = ByteBuffer.wrap(linking.open(joined.key(), received(laptop))).getInt();

        Push.Challenge challenge = laptop.latestChallenge();
        byte[] signature = TestUser.CRYPTO.ed25519().sign(credential, AuthProof.deviceMessage(challenge.relayId(),
                challenge.nonce(), "alice", deviceId, AuthProof.noChannel()));
        Response loggedIn = laptop.request(new Request.DeviceAuthenticate("alice", deviceId, signature));
        assertThat(loggedIn).isInstanceOf(Response.Authenticated.class);
        SenderCertificate certificate = SenderCertificate.parse(((Response.Authenticated) loggedIn).senderCertificate());
        assertThat(certificate.deviceId()).as("the certificate names the device it was issued to").isEqualTo(2);
        assertThat(certificate.username()).isEqualTo("alice");
        assertThat(certificate.identityKey()).isEqualTo(alice.identity.publicKey());
    }

    @Test
    void aWrongCodeAStrangerAndAnUnauthenticatedOpenerAreRefused() throws Exception {
        TestUser alice = new TestUser("alice");
        TestClient desktop = existingDevice(alice);
        DeviceLinking.Offer offer = linking.offer(System.currentTimeMillis());
        byte[] channel = linking.channel(offer.secret());
        desktop.request(new Request.LinkOpen(channel));
        assertThat(desktop.expectError(new Request.LinkSend(channel, new byte[] {1})).code())
                .as("nobody joined yet").isEqualTo(ErrorCode.UNKNOWN_CHANNEL);

        TestClient laptop = relay.connect();
        byte[] wrong = offer.secret();
        wrong[9] ^= 1;
        Response.ErrorResponse refused = laptop.expectError(new Request.LinkSend(linking.channel(wrong), new byte[] {1}));
        assertThat(refused.code()).isEqualTo(ErrorCode.UNKNOWN_CHANNEL);
        assertThat(refused.reason()).contains("wrong, expired");
        assertThat(laptop.request(new Request.LinkSend(channel, new byte[] {2}))).isEqualTo(new Response.Ok());
        TestClient stranger = relay.connect();
        assertThat(stranger.expectError(new Request.LinkSend(channel, new byte[] {3})).code())
                .as("the channel has its new device").isEqualTo(ErrorCode.UNKNOWN_CHANNEL);
        assertThat(stranger.expectError(new Request.LinkOpen(linking.channel(wrong))).code())
                .isEqualTo(ErrorCode.NOT_AUTHENTICATED);
        assertThat(received(desktop)).containsExactly(2);

        desktop.close();
        desktop.awaitClose();
        long deadline = System.nanoTime() + 10_000_000_000L;
        Response answer;
        do {
            // the relay forgets the channel once it has seen the opener's connection close
            answer = laptop.request(new Request.LinkSend(channel, new byte[] {4}));
        } while (answer instanceof Response.Ok && System.nanoTime() < deadline);
        assertThat(answer).isInstanceOf(Response.ErrorResponse.class);
        assertThat(((Response.ErrorResponse) answer).code()).isEqualTo(ErrorCode.UNKNOWN_CHANNEL);
    }

    @Test
    void theOpenerIsToldAtOnceWhenTheNewDeviceLeaves() throws Exception {
        TestUser alice = new TestUser("alice");
        TestClient desktop = existingDevice(alice);
        byte[] channel = linking.channel(linking.offer(System.currentTimeMillis()).secret());
        desktop.request(new Request.LinkOpen(channel));
        TestClient laptop = relay.connect();
        laptop.request(new Request.LinkSend(channel, new byte[] {1}));
        assertThat(received(desktop)).containsExactly(1);

        // the new device is cancelled (or its window closed): its connection closes, and the opener hears of it
        laptop.close();
        assertThat(desktop.awaitPush(Push.LinkLeft.class).channel()).isEqualTo(channel);
        TestClient another = relay.connect();
        assertThat(another.request(new Request.LinkSend(channel, new byte[] {2})))
                .as("the channel is free for another new device").isEqualTo(new Response.Ok());
        assertThat(received(desktop)).containsExactly(2);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
