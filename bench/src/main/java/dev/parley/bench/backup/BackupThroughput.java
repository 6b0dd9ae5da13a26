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
import dev.parley.bench.fixture.BulkHistory;
import dev.parley.bench.group.CpuMeter;
import dev.parley.bench.group.GroupFixture;
import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
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
 * {@code messages} messages ({@link BulkHistory}: 4 to 24 words each, in 11 conversations) and {@code attachmentMiB} MiB of downloaded
 * attachment ciphertext (4 MiB files, with their messages and attachment rows) in a child JVM with a large heap, then
 * times {@code backup export} and {@code backup restore} (each includes
 * one Argon2id derivation at the desktop cost, reported apart) and samples the used heap every 20 ms. Run it with a
 * small {@code -Xmx} to show that memory stays flat:
 * <pre>
 * java -Xmx64m -cp bench/target/parley-bench.jar dev.parley.bench.backup.BackupThroughput 100000 1024
 * </pre>
 */
public final class BackupThroughput {
    private static final char[] PASSPHRASE = "bench profile passphrase".toCharArray();
    private static final byte[] SECRET = "bench backup passphrase".getBytes(StandardCharsets.UTF_8);
    private static final int FILE_MIB = 4;
    private static final CpuMeter JVM_CPU = CpuMeter.start();
    private static final String FILL = "--fill";

    private BackupThroughput() {
    }

    public static void main(String[] args) throws Exception {
        GroupFixture.quiet();
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        if (args.length == 4 && FILL.equals(args[0])) {
            build(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int attachmentMiB = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        CryptoProvider crypto = CryptoProviders.preferred();
        Path root = Files.createTempDirectory("parley-bench-backup");
        buildInChild(root, messages, attachmentMiB);
        ProfileManager profiles = profiles(root, crypto);
        Argon2Params backupCost = Argon2Params.DESKTOP_DEFAULT;
        ProfileBackups backups = new ProfileBackups(profiles, crypto, backupCost, Clock.systemUTC());
        Path file = root.resolve("bench.parley-backup");
        long rows;
        try (UnlockedProfile profile = profiles.unlock(new ProfileName("alice"), PASSPHRASE.clone(),
                EventPublisher.NONE)) {
            long argon = System.nanoTime();
            crypto.argon2id().argon2id(SECRET, new byte[16], backupCost, 32).close();
            double argonSeconds = seconds(argon);
            System.out.printf("one Argon2id derivation (%d MiB, %d passes): %.2f s (in each figure below)%n",
                    backupCost.memoryKiB() / 1024, backupCost.iterations(), argonSeconds);
            HeapSampler heap = HeapSampler.start();
            double cpu = processCpuSeconds();
            long start = System.nanoTime();
            ProfileBackups.Summary summary = backups.export(profile, file, SECRET.clone(), BackupSecretKind.PASSPHRASE,
                    BackupProgress.NONE);
            double exportSeconds = seconds(start);
            long exportPeak = heap.stop();
            rows = summary.rows();
            report("export", exportSeconds, processCpuSeconds() - cpu, Files.size(file), rows, exportPeak);
        }
        HeapSampler heap = HeapSampler.start();
        double cpu = processCpuSeconds();
        long start = System.nanoTime();
        backups.restore(new ProfileName("restored"), file, SECRET.clone(), PASSPHRASE.clone(), BackupProgress.NONE);
        double restoreSeconds = seconds(start);
        long restorePeak = heap.stop();
        report("restore", restoreSeconds, processCpuSeconds() - cpu, Files.size(file), rows, restorePeak);
        System.out.printf("max heap (-Xmx): %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        delete(root);
    }

    private static ProfileManager profiles(Path root, CryptoProvider crypto) {
        return new ProfileManager(new AppDirectories(root.resolve("data")), crypto, new Argon2Params(8 * 1024, 1, 1));
    }

    /**
     * Builds the profile in a child JVM with a large heap (so H2's page cache holds the growing indexes; property
     * {@code parley.bench.fillHeap}, default 2g): only export and restore run under this JVM's small {@code -Xmx}.
     */
    private static void buildInChild(Path root, int messages, int attachmentMiB) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("parley.bench.fillHeap", "2g"), "-cp",
                System.getProperty("java.class.path"),
                BackupThroughput.class.getName(), FILL, root.toString(), Integer.toString(messages),
                Integer.toString(attachmentMiB)).inheritIO().start();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("building the profile failed");
        }
    }

    /** The profile "alice" in {@code root}: the messages and the attachments, timed. */
    private static void build(Path root, int messages, int attachmentMiB) throws Exception {
        try (UnlockedProfile profile = profiles(root, CryptoProviders.preferred()).create(new ProfileName("alice"),
                new AccountInfo("alice", "ws://127.0.0.1:1/parley"), PASSPHRASE.clone(), EventPublisher.NONE)) {
            long t = System.nanoTime();
            double fillCpu = processCpuSeconds();
            BulkHistory.fill(profile.storage(), messages);
            writeAttachments(profile, attachmentMiB);
            System.out.printf("built (child JVM, -Xmx %d MiB): %,d messages, %d MiB attachments in %.1f s (JVM CPU %.1f"
                            + " s), load average %s%n", Runtime.getRuntime().maxMemory() >> 20, messages, attachmentMiB,
                    seconds(t), processCpuSeconds() - fillCpu, CpuMeter.loadAverage());
        }
    }

    private static void report(String what, double seconds, double cpuSeconds, long bytes, long rows,
                               long peakHeap) {
        System.out.printf("%s: %.1f s (JVM CPU %.1f s), %.1f MiB/s of backup file (%.1f MiB per CPU second; %,d bytes,"
                        + " %,d rows), peak used heap %d MiB; load average %s%n", what, seconds, cpuSeconds,
                bytes / 1048576.0 / seconds, bytes / 1048576.0 / cpuSeconds, bytes, rows, peakHeap >> 20,
                CpuMeter.loadAverage());
    }

    /** CPU seconds this JVM used since it started (all threads: H2, the stream cipher, GC). */
    private static double processCpuSeconds() {
        return JVM_CPU.processSeconds();
    }

    /**
     * {@code mib} MiB of downloaded attachments: per 4 MiB file a message with its attachment row (pointer, key and
     * state DOWNLOADED, through the real stores, one transaction) and the file of random bytes standing for the
     * ciphertext, written directly under {@code attachments/<id>.bin} (no encryption: the backup copies the bytes).
     */
    private static void writeAttachments(UnlockedProfile profile, int mib) throws Exception {
        Path dir = profile.directory().resolve("attachments");
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(7);
        byte[] block = new byte[1 << 20];
        List<NewMessage> messages = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        Instant t0 = Instant.parse("2025-06-01T00:00:00Z");
        for (int file = 0; file * FILE_MIB < mib; file++) {
            byte[] id = bytes(random, AttachmentPointer.ID_BYTES);
            int fileMib = Math.min(FILE_MIB, mib - file * FILE_MIB);
            try (OutputStream out = Files.newOutputStream(dir.resolve(HexFormat.of().formatHex(id) + ".bin"))) {
                for (int m = 0; m < fileMib; m++) {
                    for (int i = 0; i < block.length; i += 8) {
                        long v = random.nextLong();
                        for (int k = 0; k < 8; k++) {
                            block[i + k] = (byte) (v >>> (8 * k));
                        }
                    }
                    out.write(block);
                }
            }
            MessageId messageId = new MessageId("file-" + file);
            ConversationId c = new ConversationId(BulkHistory.conversation(file));
            Instant at = t0.plusSeconds(60L * file);
            messages.add(NewMessage.incoming(messageId, c, c.value(), at, at.plusSeconds(1), "photo-" + file + ".jpg"));
            attachments.add(new Attachment(messageId, new AttachmentPointer(id, bytes(random, 32), bytes(random, 32),
                    (long) fileMib << 20, "photo-" + file + ".jpg", "image/jpeg", 0, 0, null),
                    AttachmentState.DOWNLOADED));
        }
        profile.storage().transactions().transaction(false, txn -> {
            profile.storage().messages().insertAllIfAbsent(txn, messages);
            for (Attachment a : attachments) {
                profile.storage().attachments().insertIfAbsent(txn, a);
            }
        });
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
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
