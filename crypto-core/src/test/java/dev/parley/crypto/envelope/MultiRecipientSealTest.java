package dev.parley.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidCertificateException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.testing.DeterministicRandom;
import dev.parley.crypto.testing.MultiRecipientSealV1;
import dev.parley.crypto.testing.TestParty;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sealed sender for many recipients (docs/protocol.md 1.15.4): Alice seals one body with libsodium, Bob and Carol
 * open their own headers with BouncyCastle. Version 2 (one ephemeral key per message): a swapped body, a header
 * copied to another recipient, a header forged by a recipient in the sender's name, every tampered byte and a
 * truncated part are all refused; version 1 (an old sender's sealed box per recipient) still opens, under the same
 * rules, and neither version passes for the other.
 */
class MultiRecipientSealTest {
    private static final byte[] MESSAGE = "one group message".getBytes(StandardCharsets.UTF_8);

    private TestParty alice;
    private TestParty bob;
    private TestParty carol;
    private MultiRecipientSeal.Sealed sealed;

    @BeforeEach
    void seal() throws Exception {
        alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
        bob = new TestParty("bob", CryptoProviders.bouncyCastle(), 2);
        carol = new TestParty("carol", CryptoProviders.bouncyCastle(), 3);
        sealed = new MultiRecipientSeal(alice.crypto).seal(List.of(bob.identity.publicKey(), carol.identity.publicKey()),
                alice.identity, certificate(alice), MESSAGE, new DeterministicRandom(7));
    }

    private static SenderCertificate certificate(TestParty party) {
        return party.relay().issue(party.name.value(), party.identity.publicKey(), party.clock.millis());
    }

    private MultiRecipientSeal.Opened open(TestParty recipient, byte[] header, byte[] body) throws Exception {
        return new MultiRecipientSeal(recipient.crypto).open(recipient.identity, header, body,
                recipient.relay().trusted(), recipient.clock.millis());
    }

    @Test
    void eachRecipientOpensItsOwnHeaderAndLearnsTheCertifiedSender() throws Exception {
        assertThat(sealed.headers()).hasSize(2).allSatisfy(h -> {
            assertThat(h).hasSize(MultiRecipientSeal.HEADER_BYTES).hasSize(81);
            assertThat(h[0]).isEqualTo((byte) 2);
        });
        assertThat(sealed.body()[0]).isEqualTo((byte) 2);
        for (int i = 0; i < 2; i++) {
            TestParty recipient = i == 0 ? bob : carol;
            MultiRecipientSeal.Opened opened = open(recipient, sealed.headers().get(i), sealed.body());
            assertThat(opened.senderUsername()).isEqualTo(new Username("alice"));
            assertThat(opened.senderIdentity()).isEqualTo(alice.identity.publicKey());
            assertThat(opened.message()).isEqualTo(MESSAGE);
        }
    }

    @Test
    void oneEphemeralKeyServesEveryRecipientAndTheBodyCarriesItOnce() throws Exception {
        DeterministicRandom random = new DeterministicRandom(7);
        random.bytes(MultiRecipientSeal.KEY_BYTES);
        MultiRecipientSeal seal = new MultiRecipientSeal(alice.crypto);
        try (X25519KeyPair ephemeral = seal.ephemeral(random)) {
            // the body starts with the version and E, then the box: E is not repeated per recipient
            assertThat(Arrays.copyOfRange(sealed.body(), 1, 33)).isEqualTo(ephemeral.publicKey());
        }
        MultiRecipientSeal.Sealed three = seal.seal(List.of(bob.identity.publicKey(), carol.identity.publicKey(),
                alice.identity.publicKey()), alice.identity, certificate(alice), MESSAGE, new DeterministicRandom(8));
        assertThat(three.body().length).isEqualTo(sealed.body().length);
        assertThat(three.headers()).hasSize(3).allSatisfy(h -> assertThat(h).hasSize(81));
        assertThat(open(alice, three.headers().get(2), three.body()).message()).isEqualTo(MESSAGE);
    }

    @Test
    void eachPairsHeaderMacKeyIsDerivedOnceAndTheRememberedOneIsExact() throws Exception {
        MultiRecipientSeal seal = new MultiRecipientSeal(alice.crypto);
        List<IdentityKey> to = List.of(bob.identity.publicKey(), carol.identity.publicKey());
        seal.seal(to, alice.identity, certificate(alice), MESSAGE, new DeterministicRandom(8));
        MultiRecipientSeal.Sealed again = seal.seal(to, alice.identity, certificate(alice), MESSAGE,
                new DeterministicRandom(9));
        assertThat(seal.rememberedMacKeys()).isEqualTo(2);
        // a fresh instance on each side derives the keys itself: the headers made with remembered keys open there
        assertThat(open(bob, again.headers().get(0), again.body()).message()).isEqualTo(MESSAGE);
        assertThat(open(carol, again.headers().get(1), again.body()).message()).isEqualTo(MESSAGE);
        MultiRecipientSeal bobs = new MultiRecipientSeal(bob.crypto);
        for (MultiRecipientSeal.Sealed s : List.of(sealed, again)) {
            assertThat(bobs.open(bob.identity, s.headers().get(0), s.body(), bob.relay().trusted(), bob.clock.millis())
                    .message()).isEqualTo(MESSAGE);
        }
        assertThat(bobs.rememberedMacKeys()).isEqualTo(1);
        assertThatThrownBy(() -> bobs.open(bob.identity, sealed.headers().get(1), sealed.body(), bob.relay().trusted(),
                bob.clock.millis())).isInstanceOf(InvalidMessageException.class);
        seal.forgetMacKeys();
        assertThat(seal.rememberedMacKeys()).isZero();
    }

    @Test
    void aHeaderCopiedToAnotherRecipientDoesNotOpen() {
        assertThatThrownBy(() -> open(bob, sealed.headers().get(1), sealed.body()))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("does not open");
        assertThatThrownBy(() -> open(carol, sealed.headers().get(0), sealed.body()))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("does not open");
    }

    @Test
    void anotherBodyUnderTheSameKeysFailsTheTagThatBindsTheBodysHash() throws Exception {
        DeterministicRandom random = new DeterministicRandom(7);
        byte[] key = random.bytes(MultiRecipientSeal.KEY_BYTES);
        MultiRecipientSeal seal = new MultiRecipientSeal(alice.crypto);
        try (X25519KeyPair ephemeral = seal.ephemeral(random)) {
            byte[] other = seal.body(key, ephemeral.publicKey(), alice.identity, certificate(alice),
                    "swapped".getBytes(StandardCharsets.UTF_8));
            assertThat(open(bob, sealed.headers().get(0), sealed.body()).message()).isEqualTo(MESSAGE);
            assertThatThrownBy(() -> open(bob, sealed.headers().get(0), other))
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("sender authentication failed");
        }
        // a body of another message (another E): Bob's header no longer opens at all
        MultiRecipientSeal.Sealed second = seal.seal(List.of(bob.identity.publicKey()), alice.identity,
                certificate(alice), MESSAGE, new DeterministicRandom(70));
        assertThatThrownBy(() -> open(bob, sealed.headers().get(0), second.body()))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("does not open");
    }

    @Test
    void aRecipientWhoKnowsTheKeysCannotForgeAHeaderInTheSendersNameForSomeoneElse() throws Exception {
        MultiRecipientSeal seal = new MultiRecipientSeal(carol.crypto);
        // Carol opened her header: she knows K and E (not e). The body needs only Alice's public key and certificate,
        // which Carol has seen; she picks her own ephemeral key pair to be able to write Bob a header at all.
        byte[] key = new DeterministicRandom(7).bytes(MultiRecipientSeal.KEY_BYTES);
        try (X25519KeyPair own = seal.ephemeral(new DeterministicRandom(33))) {
            byte[] forgedBody = seal.body(key, own.publicKey(), alice.identity, certificate(alice),
                    "forged".getBytes(StandardCharsets.UTF_8));
            // She holds no Alice-Bob static secret: the only tag she can compute is under her own identity key.
            byte[] forgedHeader = seal.header(bob.identity.publicKey(), carol.identity, own, key,
                    seal.sha256(forgedBody));
            assertThatThrownBy(() -> open(bob, forgedHeader, forgedBody))
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("sender authentication failed");
            // nor can she reuse Alice's body for a header of her own making: E there is not hers
            byte[] onAlicesBody = seal.header(bob.identity.publicKey(), carol.identity, own, key,
                    seal.sha256(sealed.body()));
            assertThatThrownBy(() -> open(bob, onAlicesBody, sealed.body()))
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("does not open");
        }
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() throws Exception {
        MultiRecipientSeal seal = new MultiRecipientSeal(carol.crypto);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        SenderCertificate carolsCertificateNamingAlice = carol.relay().issue("alice", carol.identity.publicKey(),
                carol.clock.millis());
        try (X25519KeyPair ephemeral = seal.ephemeral(new DeterministicRandom(4))) {
            byte[] body = seal.body(key, ephemeral.publicKey(), carol.identity, carolsCertificateNamingAlice, MESSAGE);
            byte[] header = seal.header(bob.identity.publicKey(), carol.identity, ephemeral, key, seal.sha256(body));
            assertThat(open(bob, header, body).senderUsername().value())
                    .as("the relay certified this key under that name; nothing else can be claimed").isEqualTo("alice");
            SenderCertificate aliceCertificate = certificate(alice);
            assertThatThrownBy(() -> seal.body(key, ephemeral.publicKey(), carol.identity, aliceCertificate, MESSAGE))
                    .isInstanceOf(IllegalArgumentException.class);
            bob.clock.advance(java.time.Duration.ofDays(8));
            assertThatThrownBy(() -> open(bob, header, body)).isInstanceOf(InvalidCertificateException.class);
        }
    }

    @Test
    void everyTamperedOrTruncatedPartIsRefused() {
        byte[] header = sealed.headers().get(0);
        byte[] body = sealed.body();
        for (int i = 0; i < header.length; i++) {
            byte[] tampered = header.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> open(bob, tampered, body)).as("header byte %d", i)
                    .isInstanceOf(i == 0 ? UnsupportedVersionException.class : InvalidMessageException.class);
        }
        for (int i = 0; i < body.length; i += i < 40 ? 1 : 7) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> open(bob, header, tampered)).as("body byte %d", i)
                    .isInstanceOf(i == 0 ? UnsupportedVersionException.class : InvalidMessageException.class);
        }
        assertThatThrownBy(() -> open(bob, Arrays.copyOf(header, header.length - 1), body))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> open(bob, header, Arrays.copyOf(body, body.length - 1)))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> open(bob, header, Arrays.copyOf(body, 33)))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> open(bob, new byte[0], body)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aLowOrderEphemeralKeyIsRefused() {
        byte[] body = sealed.body();
        Arrays.fill(body, 1, 33, (byte) 0);
        assertThatThrownBy(() -> open(bob, sealed.headers().get(0), body))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("ephemeral");
    }

    @Test
    void anOldSendersVersionOneEnvelopeStillOpensUnderTheSameRules() throws Exception {
        List<byte[]> old = new MultiRecipientSealV1(alice.crypto).seal(List.of(bob.identity.publicKey(),
                carol.identity.publicKey()), alice.identity, certificate(alice), MESSAGE, new DeterministicRandom(5));
        byte[] body = old.get(0);
        byte[] forBob = old.get(1);
        assertThat(forBob).hasSize(113);
        assertThat(open(bob, forBob, body).senderUsername()).isEqualTo(new Username("alice"));
        assertThat(open(carol, old.get(2), body).message()).isEqualTo(MESSAGE);
        // opened by libsodium too (the old sender sealed with libsodium, Bob and Carol open with BouncyCastle above)
        TestParty bobNative = new TestParty("bob", CryptoProviders.libsodium(), 2);
        assertThat(open(bobNative, forBob, body).message()).isEqualTo(MESSAGE);

        assertThatThrownBy(() -> open(bob, old.get(2), body)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("does not open");
        for (int i = 1; i < forBob.length; i += 5) {
            byte[] tampered = forBob.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> open(bob, tampered, body)).as("v1 header byte %d", i)
                    .isInstanceOf(InvalidMessageException.class);
        }
        for (int i = 1; i < body.length; i += 11) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> open(bob, forBob, tampered)).as("v1 body byte %d", i)
                    .isInstanceOf(InvalidMessageException.class);
        }
        List<byte[]> other = new MultiRecipientSealV1(alice.crypto).seal(List.of(bob.identity.publicKey()),
                alice.identity, certificate(alice), "swapped".getBytes(StandardCharsets.UTF_8), new DeterministicRandom(5));
        assertThatThrownBy(() -> open(bob, forBob, other.get(0))).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("sender authentication failed");
    }

    @Test
    void neitherVersionPassesForTheOther() throws Exception {
        List<byte[]> old = new MultiRecipientSealV1(alice.crypto).seal(List.of(bob.identity.publicKey()), alice.identity,
                certificate(alice), MESSAGE, new DeterministicRandom(5));
        byte[] v2Header = sealed.headers().get(0);
        byte[] v2Body = sealed.body();
        assertThatThrownBy(() -> open(bob, old.get(1), v2Body)).isInstanceOf(UnsupportedVersionException.class);
        assertThatThrownBy(() -> open(bob, v2Header, old.get(0))).isInstanceOf(UnsupportedVersionException.class);
        byte[] relabelledHeader = v2Header.clone();
        relabelledHeader[0] = 1;
        byte[] relabelledBody = v2Body.clone();
        relabelledBody[0] = 1;
        assertThatThrownBy(() -> open(bob, relabelledHeader, relabelledBody)).isInstanceOf(InvalidMessageException.class);
        byte[] upgradedHeader = old.get(1).clone();
        upgradedHeader[0] = 2;
        byte[] upgradedBody = old.get(0).clone();
        upgradedBody[0] = 2;
        assertThatThrownBy(() -> open(bob, upgradedHeader, upgradedBody)).isInstanceOf(InvalidMessageException.class);
        byte[] unknown = v2Header.clone();
        unknown[0] = 3;
        byte[] unknownBody = v2Body.clone();
        unknownBody[0] = 3;
        assertThatThrownBy(() -> open(bob, unknown, unknownBody)).isInstanceOf(UnsupportedVersionException.class);
    }
}
