package dev.parley.bench.pickup;

import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.crypto.store.ProtocolStores;
import dev.parley.crypto.store.inmemory.InMemoryIdentityKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryKemPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemorySessionStore;
import dev.parley.crypto.store.inmemory.InMemorySignedPreKeyStore;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import dev.parley.desktop.net.TyrusRelayConnector;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Offline pickup into the encrypted history: a relay holds N sealed messages for Bob; Bob's client connects, and the
 * clock runs from {@code connection().start()} until every message is decrypted, committed to his encrypted H2
 * history and acknowledged ({@code awaitDrained}). Bob is a real profile ({@link ParleyApp}); the relay is real and
 * in-process; the sender is a raw protocol client so that preparing N messages is fast.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.pickup.PickupLoadGenerator [messages] [rounds]</pre>
 */
public final class PickupLoadGenerator {
    private PickupLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        quiet();
        CryptoProvider crypto = CryptoProviders.preferred();
        if (args.length > 2 && args[2].equals("mixed")) {
            mixedAgainstTexts(crypto, messages, rounds);
            return;
        }
        List<Double> seconds = new ArrayList<>();
        List<Double> inboundCpu = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double baseline = CryptoBaseline.openAndDecrypt(crypto, messages);
            double baselineCpu = CryptoBaseline.lastCpuSeconds;
            if (VmThreadCpu.available()) {
                System.out.printf("  baseline: wall %.3f s, its thread's CPU %.3f s; meanwhile %s%n", baseline, baselineCpu,
                        CryptoBaseline.lastVmReport);
            }
            Timing t = round(crypto, messages);
            double certificates = CryptoBaseline.certificateVerification(crypto, messages);
            seconds.add(t.wallSeconds());
            inboundCpu.add(t.inboundCpuSeconds());
            System.out.printf("round %d: CPU: pickup thread %.3f s vs baseline open+decrypt %.3f s (ratio %.2f);"
                    + " sender-certificate parse+verify of %d %.3f s = %.1f%% of the pickup thread%n", round,
                    t.inboundCpuSeconds(), baselineCpu, t.inboundCpuSeconds() / baselineCpu, messages, certificates,
                    100 * certificates / t.inboundCpuSeconds());
            System.out.printf("round %d: %d messages picked up in %.3f s (%.0f msg/s); baseline open+decrypt in memory %.3f s;"
                    + " ratio %.1f; CPU: pickup thread %.3f s, opening pool %.3f s, whole process %.3f s%n", round, messages,
                    t.wallSeconds(), messages / t.wallSeconds(), baseline, t.wallSeconds() / baseline, t.inboundCpuSeconds(),
                    t.openPoolCpuSeconds(), t.processCpuSeconds());
        }
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cpu = inboundCpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("provider %s, %d messages, median %.3f s, best %.3f s, worst %.3f s; pickup thread CPU median %.3f s%n",
                crypto.name(), messages, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], cpu[cpu.length / 2]);
    }

    /**
     * One pickup: wall-clock time, and CPU time of the client's inbound thread (decrypt, store, acknowledge: the
     * critical path, and a figure that other load on a shared machine barely moves) and of the whole process.
     */
    private record Timing(double wallSeconds, double inboundCpuSeconds, double processCpuSeconds, double openPoolCpuSeconds) {
    }

    /**
     * CPU time per thread of the client's envelope-opening pools (opening ahead of the inbound thread; none in builds
     * without them), by thread id.
     */
    private static java.util.Map<Long, Long> openPoolCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("parley-envelope-open-")) {
                cpu.put(thread.getId(), Math.max(0, threads.getThreadCpuTime(thread.getId())));
            }
        }
        return cpu;
    }

    /** CPU time the opening pools spent since {@code before}. */
    private static double openPoolCpuSecondsSince(java.util.Map<Long, Long> before) {
        long sum = 0;
        for (java.util.Map.Entry<Long, Long> now : openPoolCpu().entrySet()) {
            sum += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return sum / 1e9;
    }

    private static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static double inboundThreadCpuSeconds() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("parley-relay-inbound")) {
                return threads.getThreadCpuTime(thread.getId()) / 1e9;
            }
        }
        return Double.NaN;
    }

    /**
     * Issue #12: a pickup of {@code messages} mixed payloads (in every 10: 5 texts, 2 edits, 2 reactions, 1 delete-for-
     * everyone, each aimed at a text of the same 10) against the same number of plain texts, alternately in one JVM.
     */
    private static void mixedAgainstTexts(CryptoProvider crypto, int messages, int rounds) throws Exception {
        for (int round = 1; round <= rounds; round++) {
            Timing texts = round(crypto, messages, false);
            Timing mixed = round(crypto, messages, true);
            System.out.printf("round %d: %d texts %.3f s (pickup thread CPU %.3f s), %d mixed %.3f s (pickup thread CPU"
                    + " %.3f s); mixed/texts %.2f wall, %.2f CPU%n", round, messages, texts.wallSeconds(),
                    texts.inboundCpuSeconds(), messages, mixed.wallSeconds(), mixed.inboundCpuSeconds(),
                    mixed.wallSeconds() / texts.wallSeconds(), mixed.inboundCpuSeconds() / texts.inboundCpuSeconds());
        }
    }

    private static Timing round(CryptoProvider crypto, int messages) throws Exception {
        return round(crypto, messages, false);
    }

    private static Timing round(CryptoProvider crypto, int messages, boolean mixed) throws Exception {
        Path dir = Files.createTempDirectory("parley-pickup-bench");
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withLimits(limits)
                .withQueueQuota(Math.max(10_000, messages)).withMessageTtl(Duration.ofDays(1)))) {
            RelayAddress address = new RelayAddress(relay.uri(), Optional.empty());
            AppConfig config = AppConfig.defaults(new AppDirectories(dir.toAbsolutePath()), new ProfileName("bob"))
                    .withArgon2(new Argon2Params(8 * 1024, 1, 1));
            try (ParleyApp bob = ParleyApp.open(config)) {
                bob.account().create("bob", address, "bench passphrase".toCharArray());
                bob.account().register(Optional.empty());
                new Sender(crypto, relay).sendAll(messages, mixed);
                double cpuBefore = processCpuSeconds();
                java.util.Map<Long, Long> poolBefore = openPoolCpu();
                ThreadCpuBreakdown breakdown = ThreadCpuBreakdown.start();
                VmThreadCpu vm = VmThreadCpu.start();
                long startUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
                long start = System.nanoTime();
                bob.connection().start();
                if (!bob.connection().awaitDrained(Duration.ofMinutes(10))) {
                    throw new IllegalStateException("pickup did not finish");
                }
                Timing timing = new Timing((System.nanoTime() - start) / 1e9, inboundThreadCpuSeconds(),
                        processCpuSeconds() - cpuBefore, openPoolCpuSecondsSince(poolBefore));
                System.out.println("  threads: " + breakdown.report(8, timing.processCpuSeconds()));
                if (VmThreadCpu.available()) {
                    System.out.println("  of which not in Java threads: " + vm.report() + " (JVM uptime " + startUptime
                            + "-" + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms)");
                }
                int stored = bob.messaging().history("alice", Optional.empty(), 1).messages().size();
                if (stored != 1) {
                    throw new IllegalStateException("nothing stored");
                }
                return timing;
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Alice as a bare protocol client: in-memory stores, one authenticated relay link. */
    private static final class Sender {
        private final CryptoProvider crypto;
        private final RelayServer relay;
        private final IdentityKeyPair identity;
        private final ProtocolContext context;
        private final ProtocolStores stores;

        Sender(CryptoProvider crypto, RelayServer relay) {
            this.crypto = crypto;
            this.relay = relay;
            this.identity = IdentityKeyPair.generate(crypto, crypto.random());
            this.context = ProtocolContext.of(crypto);
            this.stores = new ProtocolStores(new InMemorySessionStore(), new InMemoryIdentityKeyStore(identity),
                    new InMemoryPreKeyStore(), new InMemorySignedPreKeyStore(), new InMemoryKemPreKeyStore());
        }

        /** The {@code i}th payload: a text, or in mixed mode one of every 10 as {@link #mixedAgainstTexts} says. */
        private static Payload payload(int i, boolean mixed, List<MessageId> block, CryptoProvider crypto) {
            int slot = i % 10;
            if (slot == 0) {
                block.clear();
            }
            long now = System.currentTimeMillis();
            if (!mixed || slot < 5) {
                MessageId id = MessageId.random(crypto.random());
                block.add(id);
                return new Payload.Text(id, now, "pickup benchmark message " + i);
            }
            return switch (slot) {
                case 5, 8 -> new Payload.Edit(block.get(slot == 5 ? 0 : 1), now, "edited pickup benchmark message " + i);
                case 6, 7 -> new Payload.Reaction(block.get(slot - 4), "\uD83D\uDC4D", false);
                default -> new Payload.Delete(block.get(4), now);
            };
        }

        void sendAll(int messages, boolean mixed) throws Exception {
            RelayAddress address = new RelayAddress(relay.uri(), Optional.empty());
            CompletableFuture<Push.Challenge> challenge = new CompletableFuture<>();
            RelayLinkListener listener = new RelayLinkListener() {
                @Override
                public void onPush(Push push) {
                    if (push instanceof Push.Challenge) {
                        challenge.complete((Push.Challenge) push);
                    }
                }

                @Override
                public void onClosed(String reason) {
                    challenge.completeExceptionally(new IllegalStateException("closed: " + reason));
                }
            };
            TyrusRelayConnector connector = TyrusRelayConnector.standard();
            try (RelayLink link = connector.connect(address, listener)) {
                var signed = new PreKeyGenerator(context).generateSignedPreKey(identity, 1);
                var lastResort = new PreKeyGenerator(context).generateKemPreKey(identity, 1, true);
                Push.Challenge c = challenge.get(30, TimeUnit.SECONDS);
                byte[] proof = crypto.ed25519().sign(identity.signingKeyPair(), AuthProof.registrationMessage(c.relayId(), "alice"));
                expect(link.request(new Request.Register("alice", identity.publicKey().bytes(), signed.publicPart(),
                        List.of(), lastResort.publicPart(), List.of(), null, proof)), Response.Ok.class);
                byte[] signature = crypto.ed25519().sign(identity.signingKeyPair(),
                        AuthProof.signedMessage(c.relayId(), c.nonce(), "alice", AuthProof.noChannel()));
                Response.Authenticated authenticated = expect(link.request(new Request.Authenticate("alice", signature)),
                        Response.Authenticated.class);
                dev.parley.crypto.envelope.SenderCertificate certificate =
                        dev.parley.crypto.envelope.SenderCertificate.parse(authenticated.senderCertificate());
                Response.Bundle bundle = expect(link.request(new Request.FetchBundle("bob")), Response.Bundle.class);
                Username bob = new Username("bob");
                new SessionBuilder(stores, context, bob).initiate(bundle.bundle());
                SessionCipher cipher = new SessionCipher(stores, context, bob);
                SealedSender sealed = new SealedSender(crypto);
                IdentityKey bobKey = new IdentityKey(bundle.bundle().identityKey());
                List<CompletableFuture<Response>> pending = new ArrayList<>();
                List<MessageId> block = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    byte[] blob = sealed.seal(bobKey, identity, certificate,
                            cipher.encrypt(payload(i, mixed, block, crypto)));
                    pending.add(link.request(new Request.Send("bob", MessageId.random(crypto.random()).bytes(), blob)));
                    if (pending.size() >= 500) {
                        drain(pending);
                    }
                }
                drain(pending);
            }
        }

        private static void drain(List<CompletableFuture<Response>> pending) throws Exception {
            for (CompletableFuture<Response> f : pending) {
                expect(f, Response.SendAccepted.class);
            }
            pending.clear();
        }

        private static <T extends Response> T expect(CompletableFuture<Response> future, Class<T> type) throws Exception {
            Response response = future.get(60, TimeUnit.SECONDS);
            if (!type.isInstance(response)) {
                throw new IllegalStateException("relay answered " + response);
            }
            return type.cast(response);
        }
    }

    private static void quiet() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger) {
            ((ch.qos.logback.classic.Logger) root).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        java.util.logging.Logger.getLogger("org.glassfish").setLevel(java.util.logging.Level.WARNING);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

}
