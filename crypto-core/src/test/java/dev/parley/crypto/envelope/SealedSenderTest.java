package dev.parley.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidCertificateException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.SenderMismatchException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.testing.TestParty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SealedSenderTest {
    private TestParty alice;
    private TestParty bob;
    private TestParty mallory;

    @BeforeEach
    void handshake() throws Exception {
        alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
        bob = new TestParty("bob", CryptoProviders.libsodium(), 2);
        mallory = new TestParty("mallory", CryptoProviders.libsodium(), 3);
        alice.initiate(bob, bob.publishBundle(1, true));
        bob.decrypt(alice, alice.encrypt(bob, "hello"));
        alice.decrypt(bob, bob.encrypt(alice, "hi"));
    }

    @Test
    void openTellsTheClaimedSenderBeforeSessionLookupAndTheSessionDecrypts() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "sealed");
        byte[] sealed = alice.seal(bob, message);
        assertThat(sealed[0]).isEqualTo(SealedSender.VERSION);

        OpenedEnvelope opened = bob.open(sealed);
        assertThat(opened.senderUsername()).isEqualTo(new Username("alice"));
        assertThat(opened.senderIdentity()).isEqualTo(alice.identity.publicKey());
        assertThat(opened.message()).isEqualTo(message);
        Payload payload = bob.cipherFor(alice).decrypt(opened.senderIdentity(), opened.message(), DecryptionCallback.NONE);
        assertThat(((Payload.Text) payload).text()).isEqualTo("sealed");
    }

    /**
     * macKey depends on the two identity keys only, so one instance derives it once per pair (pickup cost, #12) — and
     * what it remembers must not let anything through that a fresh instance refuses: Mallory's MAC under Alice's
     * identity, a tampered envelope, or Alice's envelope for Carol. Forgetting wipes the keys and changes nothing else.
     */
    @Test
    void theMacKeyOfAPairIsRememberedPerPairAndForgottenAtLock() throws Exception {
        SealedSender alices = new SealedSender(alice.crypto);
        SealedSender bobs = new SealedSender(bob.crypto);
        long now = alice.clock.millis();
        var certificate = alice.relay().issue("alice", alice.identity.publicKey(), now);
        var trusted = bob.relay().trusted();
        for (String text : new String[] {"one", "two", "three"}) {
            byte[] sealed = alices.seal(bob.identity.publicKey(), alice.identity, certificate, alice.encrypt(bob, text));
            OpenedEnvelope opened = bobs.open(bob.identity, sealed, trusted, now);
            assertThat(bob.decrypt(alice, opened.message())).isEqualTo(text);
            assertThat(bob.open(sealed).senderIdentity()).as("a fresh instance opens it too")
                    .isEqualTo(alice.identity.publicKey());
        }
        assertThat(alices.rememberedMacKeys()).isEqualTo(1);
        assertThat(bobs.rememberedMacKeys()).isEqualTo(1);

        byte[] intact = alices.seal(bob.identity.publicKey(), alice.identity, certificate, alice.encrypt(bob, "x"));
        for (int i = 1; i < intact.length; i += 11) {
            byte[] tampered = intact.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> bobs.open(bob.identity, tampered, trusted, now)).as("byte %d", i)
                    .isInstanceOf(InvalidMessageException.class);
        }
        byte[] byMallory = mallory.seal(bob, alice.encrypt(bob, "y"));
        byte[] inner = bob.crypto.sealedBox().open(bob.identity.agreementKeyPair(),
                java.util.Arrays.copyOfRange(byMallory, 1, byMallory.length));
        System.arraycopy(alice.identity.publicKey().bytes(), 0, inner, 1, 32);
        byte[] box = bob.crypto.sealedBox().seal(bob.identity.publicKey().x25519PublicKey(bob.crypto), inner);
        byte[] forged = new byte[box.length + 1];
        forged[0] = SealedSender.VERSION;
        System.arraycopy(box, 0, forged, 1, box.length);
        assertThatThrownBy(() -> bobs.open(bob.identity, forged, trusted, now))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("sender authentication failed");
        assertThatThrownBy(() -> bobs.open(mallory.identity, intact, trusted, now))
                .isInstanceOf(InvalidMessageException.class);

        bobs.forgetMacKeys();
        alices.forgetMacKeys();
        assertThat(bobs.rememberedMacKeys()).isZero();
        assertThat(alices.rememberedMacKeys()).isZero();
        assertThat(bobs.open(bob.identity, intact, trusted, now).senderIdentity()).isEqualTo(alice.identity.publicKey());
    }

    @Test
    void envelopeLengthDoesNotDependOnTheUsernameLength() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "x");
        long now = alice.clock.millis();
        byte[] a = new SealedSender(alice.crypto).seal(bob.identity.publicKey(), alice.identity,
                alice.relay().issue("abc", alice.identity.publicKey(), now), message);
        byte[] b = new SealedSender(alice.crypto).seal(bob.identity.publicKey(), alice.identity,
                alice.relay().issue("a".repeat(32), alice.identity.publicKey(), now), message);
        assertThat(a).hasSameSizeAs(b);
    }

    @Test
    void everyTamperedByteIsRejectedAndTheSessionStillWorks() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "intact");
        byte[] sealed = alice.seal(bob, message);
        for (int i = 1; i < sealed.length; i += 7) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x20;
            assertThatThrownBy(() -> bob.open(tampered)).as("byte %d", i).isInstanceOf(InvalidMessageException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> bob.open(truncated)).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> bob.open(new byte[0])).isInstanceOf(InvalidMessageException.class);
        OpenedEnvelope opened = bob.open(sealed);
        assertThat(bob.decrypt(alice, opened.message())).isEqualTo("intact");
    }

    @Test
    void unknownVersionIsATypedError() throws Exception {
        byte[] sealed = alice.seal(bob, alice.encrypt(bob, "x"));
        sealed[0] = 1;
        assertThatThrownBy(() -> bob.open(sealed)).isInstanceOf(UnsupportedVersionException.class);
    }

    @Test
    void anEnvelopeForSomeoneElseDoesNotOpen() throws Exception {
        byte[] sealed = alice.seal(bob, alice.encrypt(bob, "x"));
        assertThatThrownBy(() -> mallory.open(sealed)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void resealingSomeoneElsesRatchetMessageUnderAnotherIdentityIsRejectedBySessionDecrypt() throws Exception {
        CiphertextMessage alicesMessage = alice.encrypt(bob, "from alice");
        // Mallory (or a relay colluding with her) re-wraps Alice's ratchet message with her own valid MAC...
        byte[] resealed = mallory.seal(bob, alicesMessage);
        OpenedEnvelope opened = bob.open(resealed);
        assertThat(opened.senderUsername().value()).isEqualTo("mallory");
        // ...but Bob has no session with mallory, and Alice's session refuses a different sender identity.
        assertThatThrownBy(() -> bob.cipherFor(mallory).decrypt(opened.senderIdentity(), opened.message(),
                DecryptionCallback.NONE)).isInstanceOf(dev.parley.crypto.exceptions.NoSessionException.class);
        assertThatThrownBy(() -> bob.cipherFor(alice).decrypt(opened.senderIdentity(), opened.message(),
                DecryptionCallback.NONE)).isInstanceOf(SenderMismatchException.class);
        assertThat(bob.decrypt(alice, alicesMessage)).isEqualTo("from alice");
    }

    @Test
    void aMacByAnotherKeyUnderAlicesIdentityDoesNotVerify() throws Exception {
        // Mallory builds the inner layout with Alice's identity key but can only compute her own MAC key.
        CiphertextMessage message = alice.encrypt(bob, "x");
        byte[] sealedByMallory = mallory.seal(bob, message);
        byte[] inner = bob.crypto.sealedBox().open(bob.identity.agreementKeyPair(),
                java.util.Arrays.copyOfRange(sealedByMallory, 1, sealedByMallory.length));
        System.arraycopy(alice.identity.publicKey().bytes(), 0, inner, 1, 32);
        byte[] forged = bob.crypto.sealedBox().seal(bob.identity.publicKey().x25519PublicKey(bob.crypto), inner);
        byte[] envelope = new byte[forged.length + 1];
        envelope[0] = SealedSender.VERSION;
        System.arraycopy(forged, 0, envelope, 1, forged.length);
        assertThatThrownBy(() -> bob.open(envelope)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("sender authentication failed");
    }

    /**
     * A certificate whose signature already verified is remembered (pickup speed, #11/#12), but everything else is
     * still checked for each envelope: the key the MAC authenticated, expiry at receipt, and other bytes are new.
     */
    @Test
    void aRememberedCertificateStillFailsForAnotherKeyWhenExpiredOrWhenAnyByteDiffers() throws Exception {
        AliceToBob sent = aliceSealedForBob();
        SealedSender opener = sent.opener();
        assertThat(opener.open(bob.identity, sent.sealed(), bob.relay().trusted(), sent.now()).senderUsername()
                .value()).as("again, from memory").isEqualTo("alice");

        byte[] forged = resealWithCertificate(mallory, bob.identity.publicKey(), sent.certificate(), sent.message());
        assertThatThrownBy(() -> opener.open(bob.identity, forged, bob.relay().trusted(), sent.now()))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("another identity key");
        assertThatThrownBy(() -> opener.open(bob.identity, sent.sealed(), bob.relay().trusted(),
                sent.now() + dev.parley.crypto.testing.TestRelayKey.LIFETIME_MILLIS + 1))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("expired");
        byte[] badSignature = sent.certificate().serialize();
        badSignature[badSignature.length - 1] ^= 1;
        byte[] tampered = resealWithCertificate(alice, bob.identity.publicKey(), SenderCertificate.parse(badSignature),
                sent.message());
        assertThatThrownBy(() -> opener.open(bob.identity, tampered, bob.relay().trusted(), sent.now()))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("bad signature");
    }

    /**
     * #12: a certificate remembered as verified under the pinned relay key is refused once another relay key is pinned
     * (the relay rotated its signing key, or the old one was revoked), and again if the old key were pinned with a
     * certificate that key never signed; the memory is per relay key, never per certificate alone.
     */
    @Test
    void aRememberedCertificateIsRefusedOnceAnotherRelayKeyIsPinned() throws Exception {
        AliceToBob sent = aliceSealedForBob();
        SealedSender opener = sent.opener();
        SenderCertificate alices = sent.certificate();
        TrustedRelayKey rotated = new dev.parley.crypto.testing.TestRelayKey(bob.crypto, (byte) 9).trusted();
        assertThatThrownBy(() -> opener.open(bob.identity, sent.sealed(), rotated, sent.now()))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("another relay key");
        // A certificate claiming the rotated key's id with the old key's signature: the new key checks the signature.
        SenderCertificate claimed = new SenderCertificate(rotated.keyId(), alices.expiresAtMillis(), alices.identityKey(),
                alices.username(), alices.signature());
        byte[] relabelled = resealWithCertificate(alice, bob.identity.publicKey(), claimed, sent.message());
        assertThatThrownBy(() -> opener.open(bob.identity, relabelled, rotated, sent.now()))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("bad signature");
        assertThatThrownBy(() -> opener.open(bob.identity, relabelled, bob.relay().trusted(), sent.now()))
                .isInstanceOf(InvalidCertificateException.class);
    }

    @Test
    void finding1ACertificateForAnotherKeyOrFromAnotherRelayOrExpiredIsRefusedByOpen() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "as alice");
        long now = bob.clock.millis();
        SealedSender sealer = new SealedSender(mallory.crypto);
        // Mallory cannot get "alice" certified for her key; alice's own certificate names alice's key.
        SenderCertificate alices = alice.relay().issue("alice", alice.identity.publicKey(), now);
        assertThatThrownBy(() -> sealer.seal(bob.identity.publicKey(), mallory.identity, alices, message))
                .isInstanceOf(IllegalArgumentException.class);
        // Sealing around the check (a client built on crypto-core), the receiver refuses it: the MAC is Mallory's.
        byte[] forged = resealWithCertificate(mallory, bob.identity.publicKey(), alices, message);
        assertThatThrownBy(() -> bob.open(forged)).isInstanceOf(InvalidCertificateException.class)
                .hasMessageContaining("another identity key");
        // A certificate from a relay key Bob did not pin.
        SenderCertificate rogue = new dev.parley.crypto.testing.TestRelayKey(mallory.crypto, (byte) 7)
                .issue("alice", mallory.identity.publicKey(), now);
        byte[] rogueSealed = sealer.seal(bob.identity.publicKey(), mallory.identity, rogue, message);
        assertThatThrownBy(() -> bob.open(rogueSealed)).isInstanceOf(InvalidCertificateException.class);
        // Mallory's own certificate, but expired when the relay received the envelope.
        byte[] late = mallory.seal(bob, message);
        assertThatThrownBy(() -> new SealedSender(bob.crypto).open(bob.identity, late, bob.relay().trusted(),
                now + dev.parley.crypto.testing.TestRelayKey.LIFETIME_MILLIS + 1))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("expired");
        assertThat(bob.open(late).senderUsername().value()).isEqualTo("mallory");
    }

    @Test
    void certificatesRoundTripAndBadEncodingsAreTypedErrors() throws Exception {
        SenderCertificate certificate = alice.relay().issue("alice.b-2_c", alice.identity.publicKey(), 1234);
        assertThat(SenderCertificate.parse(certificate.serialize())).isEqualTo(certificate);
        byte[] bytes = certificate.serialize();
        assertThatThrownBy(() -> SenderCertificate.parse(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(InvalidCertificateException.class);
        byte[] versioned = bytes.clone();
        versioned[0] = 3;
        assertThatThrownBy(() -> SenderCertificate.parse(versioned)).isInstanceOf(UnsupportedVersionException.class);
        byte[] deviceLayoutMissing = bytes.clone();
        deviceLayoutMissing[0] = SenderCertificate.DEVICE_VERSION;
        assertThatThrownBy(() -> SenderCertificate.parse(deviceLayoutMissing))
                .isInstanceOf(InvalidCertificateException.class);
        byte[] upper = bytes.clone();
        upper[1 + 4 + 8 + 32 + 1] = 'A';
        assertThatThrownBy(() -> SenderCertificate.parse(upper)).isInstanceOf(InvalidCertificateException.class);
        byte[] signatureFlipped = bytes.clone();
        signatureFlipped[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> alice.relay().trusted().verify(alice.crypto.ed25519(),
                SenderCertificate.parse(signatureFlipped), alice.identity.publicKey(), 0))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("signature");
    }

    @Test
    void issue17ADeviceCertificateNamesTheDeviceAndTheEnvelopeCarriesItToTheRecipient() throws Exception {
        long now = alice.clock.millis();
        SenderCertificate laptop = alice.relay().issue("a".repeat(32), 7, alice.identity.publicKey(), now);
        byte[] bytes = laptop.serialize();
        assertThat(bytes[0]).isEqualTo(SenderCertificate.DEVICE_VERSION);
        assertThat(bytes).hasSize(SenderCertificate.MAX_BYTES);
        assertThat(SenderCertificate.parse(bytes)).isEqualTo(laptop);
        assertThat(SenderCertificate.parse(bytes).deviceId()).isEqualTo(7);
        SenderCertificate first = alice.relay().issue("alice", 1, alice.identity.publicKey(), now);
        assertThat(first.serialize()[0]).as("device 1 keeps version 1").isEqualTo(SenderCertificate.VERSION);
        assertThat(first).isEqualTo(alice.relay().issue("alice", alice.identity.publicKey(), now));

        byte[] renamed = alice.relay().issue("alice", 2, alice.identity.publicKey(), now).serialize();
        java.nio.ByteBuffer.wrap(renamed).putInt(1 + 4 + 8 + 32 + 1 + 5, 3);
        assertThatThrownBy(() -> alice.relay().trusted().verify(alice.crypto.ed25519(),
                SenderCertificate.parse(renamed), alice.identity.publicKey(), now))
                .as("another device's id under the same signature").isInstanceOf(InvalidCertificateException.class);
        java.nio.ByteBuffer.wrap(renamed).putInt(1 + 4 + 8 + 32 + 1 + 5, 1);
        assertThatThrownBy(() -> SenderCertificate.parse(renamed))
                .as("a version-2 certificate for device 1").isInstanceOf(InvalidCertificateException.class);

        CiphertextMessage message = alice.encrypt(bob, "from the laptop");
        byte[] sealed = new SealedSender(alice.crypto).seal(bob.identity.publicKey(), alice.identity,
                alice.relay().issue("alice", 2, alice.identity.publicKey(), now), message);
        OpenedEnvelope opened = bob.open(sealed);
        assertThat(opened.senderUsername().value()).isEqualTo("alice");
        assertThat(opened.certificate().deviceId()).isEqualTo(2);
        assertThat(opened.senderDevice()).isEqualTo(2);
        assertThat(bob.open(alice.seal(bob, alice.encrypt(bob, "desk"))).senderDevice()).isEqualTo(1);
    }

    /** The inner layout with someone else's certificate and the sealer's own valid MAC, as an outside client could. */
    /** Alice's message sealed for bob with the certificate her relay issued now, opened by bob once (remembered). */
    private record AliceToBob(CiphertextMessage message, long now, SenderCertificate certificate, byte[] sealed,
                              SealedSender opener) {
    }

    private AliceToBob aliceSealedForBob() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "as alice");
        long now = bob.clock.millis();
        SealedSender opener = new SealedSender(bob.crypto);
        SenderCertificate alices = alice.relay().issue("alice", alice.identity.publicKey(), now);
        byte[] honest = new SealedSender(alice.crypto).seal(bob.identity.publicKey(), alice.identity, alices, message);
        assertThat(opener.open(bob.identity, honest, bob.relay().trusted(), now).senderUsername().value())
                .isEqualTo("alice");
        return new AliceToBob(message, now, alices, honest, opener);
    }

    private static byte[] resealWithCertificate(TestParty sealer, dev.parley.crypto.identity.IdentityKey recipient,
                                                SenderCertificate certificate, CiphertextMessage message) throws Exception {
        byte[] cert = certificate.serialize();
        byte[] recipientIk = recipient.bytes();
        dev.parley.crypto.kdf.Kdf kdf = new dev.parley.crypto.kdf.Kdf(sealer.crypto);
        byte[] senderIk = sealer.identity.publicKey().bytes();
        byte[] recipientX = recipient.x25519PublicKey(sealer.crypto);
        byte[] shared = sealer.crypto.x25519().agree(sealer.identity.agreementKeyPair().privateKey().copy(), recipientX).bytes();
        byte[] context = new byte[64];
        System.arraycopy(senderIk, 0, context, 0, 32);
        System.arraycopy(recipientIk, 0, context, 32, 32);
        byte[] key = kdf.derive(null, shared, dev.parley.crypto.kdf.Label.SEALED_SENDER_KEY, context, 32);
        byte[] body = message.serialize();
        byte[] mac = kdf.hmac(key, dev.parley.crypto.kdf.Kdf.concat(dev.parley.crypto.kdf.Label.SEALED_SENDER_MAC,
                new byte[] {SealedSender.VERSION}, senderIk, recipientIk, new byte[] {(byte) cert.length}, cert, body));
        byte[] inner = java.nio.ByteBuffer.allocate(SealedSender.INNER_HEADER_BYTES + body.length).put(SealedSender.VERSION)
                .put(senderIk).put((byte) cert.length).put(java.util.Arrays.copyOf(cert, SealedSender.CERTIFICATE_FIELD_BYTES))
                .put(mac).put(body).array();
        byte[] box = sealer.crypto.sealedBox().seal(recipientX, inner);
        byte[] envelope = new byte[box.length + 1];
        envelope[0] = SealedSender.VERSION;
        System.arraycopy(box, 0, envelope, 1, box.length);
        return envelope;
    }
}
