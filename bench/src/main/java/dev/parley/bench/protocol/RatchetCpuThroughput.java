package dev.parley.bench.protocol;

import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.crypto.session.SignedPreKeyRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Operations per second of <em>CPU time of the measuring thread</em>, i.e. throughput on one core, a figure that
 * stays meaningful on a shared, overloaded machine where JMH's wall-clock numbers do not (other processes steal the
 * core, not the thread's CPU time). Same operations as {@link RatchetBenchmark} and {@link HandshakeBenchmark}.
 * Prints one line per round; the first round includes JIT warm-up.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.protocol.RatchetCpuThroughput
 *     [libsodium|bouncycastle] [sameChain|dhStep|sealed|handshake] [operations per round]</pre>
 */
public final class RatchetCpuThroughput {
    private final CryptoProvider crypto;
    private final SessionFixture alice;
    private final SessionFixture bob;
    private final SessionCipher aliceCipher;
    private final SessionCipher bobCipher;
    private final Payload.Text payload;
    private final SealedSender sealedSender;
    private final BenchCertificates certificates;
    private final dev.parley.crypto.envelope.SenderCertificate aliceCertificate;
    private final SignedPreKeyRecord signedPreKey;
    private boolean aliceSends;
    private int nextOneTimeId = 1000;

    private RatchetCpuThroughput(CryptoProvider crypto) throws Exception {
        this.crypto = crypto;
        alice = new SessionFixture("alice", crypto);
        bob = new SessionFixture("bob", crypto);
        signedPreKey = bob.publishSignedPreKey(1);
        alice.initiate(bob, bob.bundle(signedPreKey, 100));
        aliceCipher = alice.cipherFor(bob);
        bobCipher = bob.cipherFor(alice);
        payload = new Payload.Text(MessageId.random(crypto.random()), 0, "x".repeat(200));
        bobCipher.decrypt(alice.identity.publicKey(), aliceCipher.encrypt(payload), DecryptionCallback.NONE);
        aliceCipher.decrypt(bob.identity.publicKey(), bobCipher.encrypt(payload), DecryptionCallback.NONE);
        sealedSender = new SealedSender(crypto);
        certificates = new BenchCertificates(crypto);
        aliceCertificate = certificates.issue("alice", alice.identity.publicKey());
    }

    public static void main(String[] args) throws Exception {
        String providerName = args.length > 0 ? args[0] : "libsodium";
        String mode = args.length > 1 ? args[1] : "sameChain";
        int operations = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        RatchetCpuThroughput bench = new RatchetCpuThroughput(SessionFixture.provider(providerName));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                bench.run(mode);
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            System.out.printf(Locale.ROOT, "%s %s round %d: %.0f ops per CPU-second (%.0f per wall-second)%n",
                    bench.crypto.name(), mode, round, operations / cpuSeconds, operations / wallSeconds);
        }
    }

    private void run(String mode) throws Exception {
        switch (mode) {
            case "sameChain":
                bobCipher.decrypt(alice.identity.publicKey(), aliceCipher.encrypt(payload), DecryptionCallback.NONE);
                break;
            case "dhStep":
                aliceSends = !aliceSends;
                if (aliceSends) {
                    bobCipher.decrypt(alice.identity.publicKey(), aliceCipher.encrypt(payload), DecryptionCallback.NONE);
                } else {
                    aliceCipher.decrypt(bob.identity.publicKey(), bobCipher.encrypt(payload), DecryptionCallback.NONE);
                }
                break;
            case "sealed":
                byte[] sealed = sealedSender.seal(bob.identity.publicKey(), alice.identity, aliceCertificate,
                        aliceCipher.encrypt(payload));
                bobCipher.decrypt(alice.identity.publicKey(), sealedSender.open(bob.identity, sealed,
                        certificates.trusted(), System.currentTimeMillis()).message(), DecryptionCallback.NONE);
                break;
            case "handshake":
                handshake();
                break;
            default:
                throw new IllegalArgumentException("mode: sameChain, dhStep, sealed or handshake");
        }
    }

    /** As {@link HandshakeBenchmark#fullHandshake()}, including the one-time prekey generation. */
    private void handshake() throws Exception {
        IdentityKeyPair aliceIdentity = alice.identity;
        SessionFixture a = new SessionFixture("alice", crypto, aliceIdentity);
        SessionFixture b = new SessionFixture("bob", crypto, bob.identity);
        b.stores.signedPreKeys().storeSignedPreKey(signedPreKey);
        a.initiate(b, b.bundle(signedPreKey, nextOneTimeId++));
        b.cipherFor(a).decrypt(a.identity.publicKey(), a.cipherFor(b).encrypt(payload), DecryptionCallback.NONE);
        a.cipherFor(b).decrypt(b.identity.publicKey(), b.cipherFor(a).encrypt(payload), DecryptionCallback.NONE);
    }
}
