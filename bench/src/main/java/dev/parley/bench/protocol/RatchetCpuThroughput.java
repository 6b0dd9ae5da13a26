package dev.parley.bench.protocol;

import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.SessionCipher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Same-chain encrypt + decrypt pairs per second of <em>CPU time of the measuring thread</em>: a throughput figure
 * for one core that stays meaningful on a shared, overloaded machine where JMH's wall-clock numbers do not (other
 * processes steal the core, not the thread's CPU time). Prints one line per round.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.protocol.RatchetCpuThroughput [libsodium|bouncycastle] [pairs]</pre>
 */
public final class RatchetCpuThroughput {
    private RatchetCpuThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String providerName = args.length > 0 ? args[0] : "libsodium";
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        CryptoProvider crypto = SessionFixture.provider(providerName);
        SessionFixture alice = new SessionFixture("alice", crypto);
        SessionFixture bob = new SessionFixture("bob", crypto);
        alice.initiate(bob, bob.bundle(bob.publishSignedPreKey(1), 100));
        SessionCipher aliceCipher = alice.cipherFor(bob);
        SessionCipher bobCipher = bob.cipherFor(alice);
        Payload.Text payload = new Payload.Text(MessageId.random(crypto.random()), 0, "x".repeat(200));
        bobCipher.decrypt(alice.identity.publicKey(), aliceCipher.encrypt(payload), DecryptionCallback.NONE);
        aliceCipher.decrypt(bob.identity.publicKey(), bobCipher.encrypt(payload), DecryptionCallback.NONE);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            for (int i = 0; i < pairs; i++) {
                bobCipher.decrypt(alice.identity.publicKey(), aliceCipher.encrypt(payload), DecryptionCallback.NONE);
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            System.out.printf(Locale.ROOT, "%s round %d: %.0f pairs per CPU-second (%.0f per wall-second)%n",
                    crypto.name(), round, pairs / cpuSeconds, pairs / wallSeconds);
        }
    }
}
