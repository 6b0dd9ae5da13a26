package dev.parley.bench.pickup;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.OneTimePreKeyRecord;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.store.ProtocolStores;
import dev.parley.crypto.store.inmemory.InMemoryIdentityKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryKemPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemorySessionStore;
import dev.parley.crypto.store.inmemory.InMemorySignedPreKeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The floor under the pickup figure: opening and decrypting the same number of sealed messages with in-memory stores
 * (no database, no network), measured in the same run so the two can be compared.
 */
final class CryptoBaseline {
    /** CPU seconds (this thread) of the last {@link #openAndDecrypt}. */
    static double lastCpuSeconds;
    /** What the JIT compilers, the collector and the VM spent during the last {@link #openAndDecrypt}'s timed part. */
    static String lastVmReport = "";

    private CryptoBaseline() {
    }

    /** Seconds to open and decrypt {@code messages} sealed messages from one sender. */
    static double openAndDecrypt(CryptoProvider crypto, int messages) throws Exception {
        ProtocolContext context = ProtocolContext.of(crypto);
        IdentityKeyPair aliceId = IdentityKeyPair.generate(crypto, crypto.random());
        IdentityKeyPair bobId = IdentityKeyPair.generate(crypto, crypto.random());
        ProtocolStores alice = stores(aliceId);
        ProtocolStores bob = stores(bobId);
        PreKeyGenerator generator = new PreKeyGenerator(context);
        SignedPreKeyRecord signed = generator.generateSignedPreKey(bobId, 1);
        OneTimePreKeyRecord oneTime = generator.generateOneTimePreKeys(1, 1).get(0);
        bob.signedPreKeys().storeSignedPreKey(signed);
        bob.preKeys().storePreKey(oneTime);
        KemPreKeyRecord kem = generator.generateKemPreKey(bobId, 1, false);
        bob.kemPreKeys().storeKemPreKey(kem);
        Username aliceName = new Username("alice");
        Username bobName = new Username("bob");
        new SessionBuilder(alice, context, bobName).initiate(
                PreKeyGenerator.bundle(bobId, signed, Optional.of(oneTime), kem));
        SessionCipher sender = new SessionCipher(alice, context, bobName);
        SealedSender sealed = new SealedSender(crypto);
        dev.parley.bench.protocol.BenchCertificates certificates = new dev.parley.bench.protocol.BenchCertificates(crypto);
        dev.parley.crypto.envelope.SenderCertificate aliceCertificate = certificates.issue("alice", aliceId.publicKey());
        List<byte[]> blobs = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            blobs.add(sealed.seal(bobId.publicKey(), aliceId, aliceCertificate, sender.encrypt(
                    new Payload.Text(MessageId.random(crypto.random()), System.currentTimeMillis(), "pickup benchmark message " + i))));
        }
        SessionCipher receiver = new SessionCipher(bob, context, aliceName);
        VmThreadCpu vm = VmThreadCpu.start();
        long start = System.nanoTime();
        long cpuStart = threadCpuNanos();
        for (byte[] blob : blobs) {
            OpenedEnvelope opened = sealed.open(bobId, blob, certificates.trusted(), System.currentTimeMillis());
            receiver.decrypt(opened.senderIdentity(), opened.message(), DecryptionCallback.NONE);
        }
        lastCpuSeconds = (threadCpuNanos() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - start) / 1e9;
        lastVmReport = vm.report();
        return wall;
    }

    /**
     * CPU seconds (this thread) to parse and verify {@code messages} sender certificates against the pinned relay key, as the client
     * does for every envelope it opens (#11: their share of the pickup time).
     */
    static double certificateVerification(CryptoProvider crypto, int messages) throws Exception {
        IdentityKeyPair aliceId = IdentityKeyPair.generate(crypto, crypto.random());
        dev.parley.bench.protocol.BenchCertificates certificates = new dev.parley.bench.protocol.BenchCertificates(crypto);
        byte[] serialized = certificates.issue("alice", aliceId.publicKey()).serialize();
        dev.parley.crypto.envelope.TrustedRelayKey trusted = certificates.trusted();
        long start = threadCpuNanos();
        for (int i = 0; i < messages; i++) {
            dev.parley.crypto.envelope.SenderCertificate certificate =
                    dev.parley.crypto.envelope.SenderCertificate.parse(serialized);
            trusted.verify(crypto.ed25519(), certificate, aliceId.publicKey(), System.currentTimeMillis());
        }
        return (threadCpuNanos() - start) / 1e9;
    }

    /** CPU time of the calling thread: on a loaded shared machine it moves far less than wall-clock time. */
    static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static ProtocolStores stores(IdentityKeyPair identity) {
        return new ProtocolStores(new InMemorySessionStore(), new InMemoryIdentityKeyStore(identity), new InMemoryPreKeyStore(),
                new InMemorySignedPreKeyStore(), new InMemoryKemPreKeyStore());
    }
}
