package dev.parley.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidCertificateException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.DeterministicRandom;
import dev.parley.crypto.testing.TestParty;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sealed sender for many recipients (docs/protocol.md 1.15.4): Alice seals one body with libsodium, Bob and Carol
 * open their own headers with BouncyCastle; a swapped body, a header opened by the wrong recipient, a header forged
 * by a recipient in the sender's name and a truncated part are all refused.
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
        assertThat(sealed.headers()).hasSize(2).allSatisfy(h -> assertThat(h).hasSize(113));
        for (int i = 0; i < 2; i++) {
            TestParty recipient = i == 0 ? bob : carol;
            MultiRecipientSeal.Opened opened = open(recipient, sealed.headers().get(i), sealed.body());
            assertThat(opened.senderUsername()).isEqualTo(new Username("alice"));
            assertThat(opened.senderIdentity()).isEqualTo(alice.identity.publicKey());
            assertThat(opened.message()).isEqualTo(MESSAGE);
        }
    }

    @Test
    void eachPairsHeaderMacKeyIsDerivedOnceAndTheRememberedOneIsExact() throws Exception {
        MultiRecipientSeal seal = new MultiRecipientSeal(alice.crypto);
        List<dev.parley.crypto.identity.IdentityKey> to = List.of(bob.identity.publicKey(), carol.identity.publicKey());
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
    }

    @Test
    void anotherBodyUnderTheSameKeyFailsTheTagThatBindsTheBodysHash() throws Exception {
        byte[] key = new DeterministicRandom(7).bytes(MultiRecipientSeal.KEY_BYTES);
        MultiRecipientSeal seal = new MultiRecipientSeal(alice.crypto);
        byte[] other = seal.body(key, alice.identity, certificate(alice), "swapped".getBytes(StandardCharsets.UTF_8));
        assertThat(open(bob, sealed.headers().get(0), sealed.body()).message()).isEqualTo(MESSAGE);
        assertThatThrownBy(() -> open(bob, sealed.headers().get(0), other))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("sender authentication failed");
    }

    @Test
    void aRecipientWhoKnowsTheKeyCannotForgeAHeaderInTheSendersNameForSomeoneElse() throws Exception {
        byte[] key = new DeterministicRandom(7).bytes(MultiRecipientSeal.KEY_BYTES);
        MultiRecipientSeal seal = new MultiRecipientSeal(carol.crypto);
        // The body needs only Alice's public key and certificate, which Carol has seen.
        byte[] forgedBody = seal.body(key, alice.identity, certificate(alice), "forged".getBytes(StandardCharsets.UTF_8));
        // Carol holds K, not Alice's private key: the header she can make is authenticated by her own key.
        byte[] forgedHeader = seal.header(bob.identity.publicKey(), carol.identity, key, seal.sha256(forgedBody));
        assertThatThrownBy(() -> open(bob, forgedHeader, forgedBody))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("sender authentication failed");
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() throws Exception {
        MultiRecipientSeal seal = new MultiRecipientSeal(carol.crypto);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        SenderCertificate carolsCertificateNamingAlice = carol.relay().issue("alice", carol.identity.publicKey(),
                carol.clock.millis());
        byte[] body = seal.body(key, carol.identity, carolsCertificateNamingAlice, MESSAGE);
        byte[] header = seal.header(bob.identity.publicKey(), carol.identity, key, seal.sha256(body));
        assertThat(open(bob, header, body).senderUsername().value())
                .as("the relay certified this key under that name; nothing else can be claimed").isEqualTo("alice");
        SenderCertificate aliceCertificate = certificate(alice);
        assertThatThrownBy(() -> seal.body(key, carol.identity, aliceCertificate, MESSAGE))
                .isInstanceOf(IllegalArgumentException.class);
        bob.clock.advance(java.time.Duration.ofDays(8));
        assertThatThrownBy(() -> open(bob, header, body)).isInstanceOf(InvalidCertificateException.class);
    }

    @Test
    void everyTamperedOrTruncatedPartIsRefused() {
        byte[] header = sealed.headers().get(0);
        byte[] body = sealed.body();
        for (int i = 1; i < header.length; i += 5) {
            byte[] tampered = header.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> open(bob, tampered, body)).as("header byte %d", i)
                    .isInstanceOf(InvalidMessageException.class);
        }
        for (int i = 1; i < body.length; i += 11) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> open(bob, header, tampered)).as("body byte %d", i)
                    .isInstanceOf(InvalidMessageException.class);
        }
        assertThatThrownBy(() -> open(bob, Arrays.copyOf(header, header.length - 1), body))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> open(bob, header, Arrays.copyOf(body, body.length - 1)))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> open(bob, new byte[0], body)).isInstanceOf(InvalidMessageException.class);
    }
}
