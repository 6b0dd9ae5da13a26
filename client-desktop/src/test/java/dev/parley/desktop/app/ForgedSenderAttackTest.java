package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #11 finding 1, the attack as the review ran it: an outside client built on crypto-core, a registered user of
 * the same relay, tries to write to bob "as alice", as an unregistered "carol" and as a Cyrillic look-alike "аlice".
 * Real relay, real profiles, real WebSockets. Every forgery is refused before it touches bob's state.
 */
class ForgedSenderAttackTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void finding1NoEnvelopeFromMalloryCanSpeakAsAliceOrAsANameTheRelayNeverCertified() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        alice.messaging().send("bob", "the real alice");
        assertThat(Await.until(() -> history(bob, "alice").size() == 1, WAIT)).isTrue();
        byte[] alicesKey = bob.contacts().get("alice").identityKey();

        OutsideClient mallory = OutsideClient.register(network, "mallory");
        // Mallory gets a genuine certificate of alice's: alice writes to her.
        alice.contacts().add("mallory");
        alice.messaging().send("mallory", "hi mallory");
        SenderCertificate alicesCertificate = mallory.certificateOfNextDelivery();
        assertThat(alicesCertificate.username()).isEqualTo("alice");

        IdentityKey bobKey = mallory.startSession("bob");
        Ed25519KeyPair fakeRelay = TestNetwork.CRYPTO.ed25519().generateKeyPair();
        // 1. Alice's real certificate, Mallory's key and MAC.
        mallory.send("bob", mallory.sealRaw(bobKey, alicesCertificate.serialize(), mallory.encrypt("bob", "forged 1")));
        // 2. "alice" certified by a key of Mallory's own.
        mallory.send("bob", mallory.sealRaw(bobKey, mallory.selfSignedCertificate("alice", fakeRelay),
                mallory.encrypt("bob", "forged 2")));
        // 3. Mallory's own certificate with the name bytes changed to "alice" (same length as her name is not needed).
        byte[] edited = mallory.certificate.serialize();
        byte[] renamed = mallory.selfSignedCertificate("alice", fakeRelay);
        System.arraycopy(mallory.certificate.signature(), 0, renamed, renamed.length - 64, 64);
        System.arraycopy(edited, 1, renamed, 1, 12);
        mallory.send("bob", mallory.sealRaw(bobKey, renamed, mallory.encrypt("bob", "forged 3")));
        // 4. An unregistered name and a look-alike that breaks the relay's username rule.
        mallory.send("bob", mallory.sealRaw(bobKey, mallory.selfSignedCertificate("carol", fakeRelay),
                mallory.encrypt("bob", "forged 4")));
        mallory.send("bob", mallory.sealRaw(bobKey, mallory.selfSignedCertificate("\u0430lice", fakeRelay),
                mallory.encrypt("bob", "forged 5")));
        // The control: Mallory writing honestly as herself is delivered, as a message request.
        mallory.send("bob", mallory.seal(bobKey, mallory.certificate, mallory.encrypt("bob", "honest mallory")));
        alice.messaging().send("bob", "alice again");

        assertThat(Await.until(() -> history(bob, "alice").size() == 2 && history(bob, "mallory").size() == 1, WAIT))
                .isTrue();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).as("every forgery acknowledged, none redelivered")
                .isTrue();
        assertThat(history(bob, "alice")).extracting(Message::body).containsExactly("alice again", "the real alice");
        assertThat(bob.contacts().list()).extracting(Contact::username).containsExactlyInAnyOrder("alice", "mallory");
        assertThat(bob.contacts().get("alice").identityKey()).isEqualTo(alicesKey);
        // Both wrote first, so both are message requests; nothing else changed.
        assertThat(bob.contacts().requests()).extracting(Contact::username).containsExactly("alice", "mallory");
        bob.messaging().send("alice", "still talking to the real alice");
        assertThat(bob.contacts().get("alice").identityChange()).isEqualTo(IdentityChangeState.NONE);
        assertThat(Await.until(() -> history(alice, "bob").size() == 3, WAIT)).isTrue();
        mallory.close();
    }

    private static java.util.List<Message> history(ParleyApp app, String contact) {
        try {
            return app.messaging().history(contact, Optional.empty(), 50).messages();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
