package dev.parley.bench.backup;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.profile.ProfileBackups;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.crypto.backup.BackupSecretKind;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue #17: export and restore throughput of a large profile, and the heap they need. Builds a profile with
 * {@code messages} messages (4 to 24 words each, in 11 conversations) and {@code attachmentMiB} MiB of downloaded
 * attachment ciphertext (4 MiB files), then times {@code backup export} and {@code backup restore} (each includes
 * one Argon2id derivation at the desktop cost, reported apart) and samples the used heap every 20 ms. Run it with a
 * small {@code -Xmx} to show that memory stays flat:
 * <pre>
 * java -Xmx64m -cp bench/target/parley-bench.jar dev.parley.bench.backup.BackupThroughput 100000 256
 * </pre>
 */
public final class BackupThroughput {
    private static final char[] PASSPHRASE = "bench profile passphrase".toCharArray();
    private static final byte[] SECRET = "bench backup passphrase".getBytes(StandardCharsets.UTF_8);

    private BackupThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int attachmentMiB = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        CryptoProvider crypto = CryptoProviders.preferred();
        Path root = Files.createTempDirectory("parley-bench-backup");
        ProfileManager profiles = new ProfileManager(new AppDirectories(root.resolve("data")), crypto,
                new Argon2Params(8 * 1024, 1, 1));
        Argon2Params backupCost = Argon2Params.DESKTOP_DEFAULT;
        ProfileBackups backups = new ProfileBackups(profiles, crypto, backupCost, Clock.systemUTC());
        Path file = root.resolve("bench.parley-backup");
        long rows;
        try (UnlockedProfile profile = profiles.create(new ProfileName("alice"),
                new AccountInfo("alice", "ws://127.0.0.1:1/parley"), PASSPHRASE.clone(), EventPublisher.NONE)) {
            long t = System.nanoTime();
            fill(profile, messages);
            writeAttachments(profile.directory().resolve("attachments"), attachmentMiB);
            System.out.printf("built: %,d messages, %d MiB attachments in %.1f s%n", messages, attachmentMiB,
                    seconds(t));
            long argon = System.nanoTime();
            crypto.argon2id().argon2id(SECRET, new byte[16], backupCost, 32).close();
            double argonSeconds = seconds(argon);
            System.out.printf("one Argon2id derivation (%d MiB, %d passes): %.2f s (in each figure below)%n",
                    backupCost.memoryKiB() / 1024, backupCost.iterations(), argonSeconds);
            HeapSampler heap = HeapSampler.start();
            long start = System.nanoTime();
            ProfileBackups.Summary summary = backups.export(profile, file, SECRET.clone(), BackupSecretKind.PASSPHRASE,
                    BackupProgress.NONE);
            double exportSeconds = seconds(start);
            long exportPeak = heap.stop();
            rows = summary.rows();
            report("export", exportSeconds, Files.size(file), rows, exportPeak);
        }
        HeapSampler heap = HeapSampler.start();
        long start = System.nanoTime();
        backups.restore(new ProfileName("restored"), file, SECRET.clone(), PASSPHRASE.clone(), BackupProgress.NONE);
        double restoreSeconds = seconds(start);
        long restorePeak = heap.stop();
        report("restore", restoreSeconds, Files.size(file), rows, restorePeak);
        System.out.printf("max heap (-Xmx): %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        delete(root);
    }

    private static void report(String what, double seconds, long bytes, long rows, long peakHeap) {
        System.out.printf("%s: %.1f s, %.1f MiB/s of backup file (%,d bytes, %,d rows), peak used heap %d MiB%n",
                what, seconds, bytes / 1048576.0 / seconds, bytes, rows, peakHeap >> 20);
    }

    private static void fill(UnlockedProfile profile, int total) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        int batch = 1_000;
        for (int start = 0; start < total; start += batch) {
            if (start % 20_000 == 0) {
                System.out.printf("filling: %,d of %,d messages%n", start, total);
            }
            int from = start;
            profile.storage().transactions().transaction(false, txn -> {
                for (int i = from; i < Math.min(from + batch, total); i++) {
                    ConversationId c = new ConversationId(i % 11 == 0 ? "friend-" + (i % 10) : "bob");
                    Instant at = t0.plusSeconds(30L * i);
                    NewMessage m = i % 2 == 0
                            ? NewMessage.outgoing(new MessageId("m-" + i), c, "alice", at, body(random))
                            : NewMessage.incoming(new MessageId("m-" + i), c, c.value(), at, at.plusSeconds(1),
                                    body(random));
                    profile.storage().messages().insertIfAbsent(txn, m);
                }
            });
        }
    }

    private static String body(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int words = 4 + random.nextInt(21);
        for (int w = 0; w < words; w++) {
            b.append(w == 0 ? "" : " ").append('w').append(random.nextInt(5_000));
        }
        return b.toString();
    }

    private static void writeAttachments(Path dir, int mib) throws Exception {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(7);
        byte[] block = new byte[1 << 20];
        for (int file = 0; file * 4 < mib; file++) {
            byte[] id = new byte[16];
            for (int i = 0; i < id.length; i++) {
                id[i] = (byte) random.nextInt(256);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(HexFormat.of().formatHex(id) + ".bin"))) {
                for (int m = 0; m < Math.min(4, mib - file * 4); m++) {
                    for (int i = 0; i < block.length; i += 8) {
                        long v = random.nextLong();
                        for (int k = 0; k < 8; k++) {
                            block[i + k] = (byte) (v >>> (8 * k));
                        }
                    }
                    out.write(block);
                }
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void delete(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The largest used heap seen every 20 ms. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            System.gc();
            HeapSampler s = new HeapSampler();
            s.thread = new Thread(() -> {
                Runtime rt = Runtime.getRuntime();
                while (s.running) {
                    s.peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
