package dev.parley.bench.protocol;

import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.Response;

/**
 * Prints the sizes a handshake puts on the wire: the CBOR {@code bundle} frame a relay answers, the first
 * (PreKeyRatchetMessage) and a later (RatchetMessage) message with a 200-character text, and both sealed.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.protocol.HandshakeSizes</pre>
 */
public final class HandshakeSizes {
    private HandshakeSizes() {
    }

    public static void main(String[] args) throws Exception {
        CryptoProvider crypto = SessionFixture.provider("libsodium");
        SessionFixture alice = new SessionFixture("alice", crypto);
        SessionFixture bob = new SessionFixture("bob", crypto);
        SignedPreKeyRecord signed = bob.publishSignedPreKey(1);
        PreKeyBundle bundle = bob.bundle(signed, 1);
        byte[] frame = FrameCodec.cbor().encode(Envelope.of(1, new Response.Bundle("bob", bundle)));
        alice.initiate(bob, bundle);
        Payload.Text text = new Payload.Text(MessageId.random(crypto.random()), 0, "x".repeat(200));
        CiphertextMessage first = alice.cipherFor(bob).encrypt(text);
        SealedSender sealed = new SealedSender(crypto);
        // Sender certificates as a relay issues them at login (the size is what matters here).
        var relayKey = crypto.ed25519().generateKeyPair();
        int keyId = dev.parley.crypto.envelope.SenderCertificate.keyIdOf(relayKey.publicKey());
        long expires = System.currentTimeMillis() + 7L * 24 * 3600 * 1000;
        var aliceCertificate = dev.parley.crypto.envelope.SenderCertificate.issue(crypto.ed25519(), relayKey, keyId,
                alice.name.value(), alice.identity.publicKey().bytes(), expires);
        var bobCertificate = dev.parley.crypto.envelope.SenderCertificate.issue(crypto.ed25519(), relayKey, keyId,
                bob.name.value(), bob.identity.publicKey().bytes(), expires);
        byte[] sealedFirst = sealed.seal(bob.identity.publicKey(), alice.identity, aliceCertificate, first);
        bob.cipherFor(alice).decrypt(alice.identity.publicKey(), first, dev.parley.crypto.session.DecryptionCallback.NONE);
        CiphertextMessage later = bob.cipherFor(alice).encrypt(text);
        byte[] sealedLater = sealed.seal(alice.identity.publicKey(), bob.identity, bobCertificate, later);
        System.out.printf("bundle frame (CBOR): %d bytes%n", frame.length);
        System.out.printf("first message: %d bytes, sealed %d bytes%n", first.serialize().length, sealedFirst.length);
        System.out.printf("later message: %d bytes, sealed %d bytes%n", later.serialize().length, sealedLater.length);
    }
}
