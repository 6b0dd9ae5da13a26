package dev.parley.bench.protocol;

import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.SignedPreKeyRecord;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full X3DH handshake with a one-time prekey, as a client experiences it: Alice verifies Bob's bundle and
 * initiates, encrypts the first (prekey) message, Bob runs his half of X3DH and decrypts it, Bob replies and Alice
 * decrypts the reply (which acknowledges the session). Fresh stores per operation; Bob's one-time prekey is
 * generated in the untimed per-invocation setup, as it would be in advance.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Thread)
public class HandshakeBenchmark {
    @Param({"libsodium", "bouncycastle"})
    public String provider;

    private CryptoProvider crypto;
    private IdentityKeyPair aliceIdentity;
    private IdentityKeyPair bobIdentity;
    private SignedPreKeyRecord signedPreKey;
    private SessionFixture alice;
    private SessionFixture bob;
    private PreKeyBundle bundle;
    private Payload.Text payload;
    private int nextOneTimeId = 1;

    @Setup
    public void identities() {
        crypto = SessionFixture.provider(provider);
        aliceIdentity = IdentityKeyPair.generate(crypto, crypto.random());
        bobIdentity = IdentityKeyPair.generate(crypto, crypto.random());
        signedPreKey = new SessionFixture("bob", crypto, bobIdentity).publishSignedPreKey(1);
        payload = new Payload.Text(MessageId.random(crypto.random()), 0, "x".repeat(200));
    }

    @Setup(Level.Invocation)
    public void freshStores() {
        alice = new SessionFixture("alice", crypto, aliceIdentity);
        bob = new SessionFixture("bob", crypto, bobIdentity);
        bob.stores.signedPreKeys().storeSignedPreKey(signedPreKey);
        bundle = bob.bundle(signedPreKey, nextOneTimeId++);
    }

    @Benchmark
    public Payload fullHandshake() throws ProtocolException {
        alice.initiate(bob, bundle);
        bob.cipherFor(alice).decrypt(alice.identity.publicKey(), alice.cipherFor(bob).encrypt(payload),
                DecryptionCallback.NONE);
        return alice.cipherFor(bob).decrypt(bob.identity.publicKey(), bob.cipherFor(alice).encrypt(payload),
                DecryptionCallback.NONE);
    }
}
