package dev.parley.bench.protocol;

import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.SessionCipher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Double Ratchet throughput over real in-memory stores (each operation loads, copies and stores the session record):
 * one encrypt + one decrypt of a 200-character text message per operation, on one thread.
 *
 * <p>{@code sameChain}: Alice always sends, so Bob's decrypt only advances the symmetric chain.
 * {@code dhStepEveryMessage}: the direction alternates, so every decrypt performs a DH ratchet step (two X25519
 * agreements and a key generation). {@code sealedSameChain}: as {@code sameChain} plus sealing and opening the
 * sealed-sender envelope. {@code rawSecretBox}: one secretbox seal + open of the padded size (320 bytes) as the
 * baseline to compare against.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Thread)
public class RatchetBenchmark {
    @Param({"libsodium", "bouncycastle"})
    public String provider;

    private SessionFixture alice;
    private SessionFixture bob;
    private SessionCipher aliceCipher;
    private SessionCipher bobCipher;
    private SealedSender sealedSender;
    private BenchCertificates certificates;
    private dev.parley.crypto.envelope.SenderCertificate aliceCertificate;
    private Payload.Text payload;
    private boolean aliceSends;
    private CryptoProvider crypto;
    private SecretBytes rawKey;
    private byte[] rawNonce;
    private byte[] rawPlaintext;

    @Setup
    public void handshake() throws CryptoException {
        crypto = SessionFixture.provider(provider);
        alice = new SessionFixture("alice", crypto);
        bob = new SessionFixture("bob", crypto);
        alice.initiate(bob, bob.bundle(bob.publishSignedPreKey(1), 100));
        aliceCipher = alice.cipherFor(bob);
        bobCipher = bob.cipherFor(alice);
        payload = new Payload.Text(MessageId.random(crypto.random()), 0, "x".repeat(200));
        bobCipher.decrypt(alice.identity.publicKey(), aliceCipher.encrypt(payload), DecryptionCallback.NONE);
        aliceCipher.decrypt(bob.identity.publicKey(), bobCipher.encrypt(payload), DecryptionCallback.NONE);
        sealedSender = new SealedSender(crypto);
        certificates = new BenchCertificates(crypto);
        aliceCertificate = certificates.issue("alice", alice.identity.publicKey());
        rawKey = SecretBytes.wrap(crypto.random().bytes(32));
        rawNonce = crypto.random().bytes(24);
        rawPlaintext = new byte[320];
    }

    @Benchmark
    public Payload sameChain() throws ProtocolException {
        CiphertextMessage message = aliceCipher.encrypt(payload);
        return bobCipher.decrypt(alice.identity.publicKey(), message, DecryptionCallback.NONE);
    }

    @Benchmark
    public Payload dhStepEveryMessage() throws ProtocolException {
        aliceSends = !aliceSends;
        if (aliceSends) {
            return bobCipher.decrypt(alice.identity.publicKey(), aliceCipher.encrypt(payload), DecryptionCallback.NONE);
        }
        return aliceCipher.decrypt(bob.identity.publicKey(), bobCipher.encrypt(payload), DecryptionCallback.NONE);
    }

    @Benchmark
    public Payload sealedSameChain() throws CryptoException {
        byte[] sealed = sealedSender.seal(bob.identity.publicKey(), alice.identity, aliceCertificate,
                aliceCipher.encrypt(payload));
        return bobCipher.decrypt(alice.identity.publicKey(), sealedSender.open(bob.identity, sealed,
                certificates.trusted(), System.currentTimeMillis()).message(), DecryptionCallback.NONE);
    }

    @Benchmark
    public byte[] rawSecretBox() throws CryptoException {
        return crypto.secretBox().open(rawKey, rawNonce, crypto.secretBox().seal(rawKey, rawNonce, rawPlaintext));
    }
}
