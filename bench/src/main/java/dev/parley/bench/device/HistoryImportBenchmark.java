package dev.parley.bench.device;

import dev.parley.bench.fixture.BulkHistory;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.history.HistoryRows;
import dev.parley.desktop.storage.history.HistoryTransferStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Issue #17: the new device's side of a history transfer alone, without relay or sessions: imports {@code messages}
 * fixture messages ({@link BulkHistory}) into a new encrypted profile through
 * {@link HistoryTransferStore#importRows}, {@code perChunk} messages per chunk, {@code chunksPerTransaction} chunks
 * per transaction (1 is what a device that receives one chunk per batch does). Prints the importing thread's CPU per
 * message for each tenth of the history, so a cost that grows with the history already imported shows, and the
 * totals (that thread's, and the process's: H2's writer, the collector and the JIT too):
 * <pre>
 * java -Xmx128m -cp bench/target/parley-bench.jar dev.parley.bench.device.HistoryImportBenchmark 100000 137 1
 * </pre>
 */
public final class HistoryImportBenchmark {
    private static final char[] PASSPHRASE = "bench profile passphrase".toCharArray();

    private HistoryImportBenchmark() {
    }

    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perChunk = args.length > 1 ? Integer.parseInt(args[1]) : 137;
        int chunksPerTransaction = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        Path root = Files.createTempDirectory("parley-bench-import");
        ProfileManager profiles = new ProfileManager(new AppDirectories(root.resolve("data")),
                CryptoProviders.preferred(), new Argon2Params(8 * 1024, 1, 1));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(42);
        try (UnlockedProfile profile = profiles.create(new ProfileName("laptop"),
                new AccountInfo(BulkHistory.OWNER, "ws://127.0.0.1:1/parley"), PASSPHRASE.clone(),
                EventPublisher.NONE)) {
            HistoryTransferStore history = profile.storage().history().orElseThrow();
            List<HistoryRows.Conversation> conversations = BulkHistory.conversations();
            double processStart = processCpuSeconds();
            long start = threads.getCurrentThreadCpuTime();
            long tenthStart = start;
            long wall = System.nanoTime();
            int tenth = Math.max(1, total / 10);
            int done = 0;
            int printed = 0;
            int next = total - 1;
            while (next >= 0) {
                List<HistoryRows> batch = new ArrayList<>();
                for (int k = 0; k < chunksPerTransaction && next >= 0; k++) {
                    List<HistoryRows.Message> messages = new ArrayList<>(perChunk);
                    for (int j = 0; j < perChunk && next >= 0; j++, next--) {
                        messages.add(BulkHistory.message(next, BulkHistory.body(random)));
                    }
                    batch.add(new HistoryRows(List.of(), conversations, messages));
                }
                profile.storage().transactions().transaction(false, txn -> {
                    for (HistoryRows rows : batch) {
                        history.importRows(txn, rows);
                    }
                });
                int before = done;
                done = total - 1 - next;
                if (done / tenth > before / tenth) {
                    long now = threads.getCurrentThreadCpuTime();
                    System.out.printf("  %,7d imported: %.3f ms CPU per message in the last tenth; load average %.1f%n",
                            done, (now - tenthStart) / 1e6 / (done - printed),
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    tenthStart = now;
                    printed = done;
                }
            }
            double cpu = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            double process = processCpuSeconds() - processStart;
            System.out.printf("imported %,d messages, %d per chunk, %d chunks per transaction: importing thread %.1f s "
                            + "CPU (%.3f ms per message), process %.1f s CPU (%.3f ms per message), %.1f s wall; "
                            + "load average %.1f%n", total, perChunk, chunksPerTransaction, cpu, cpu * 1e3 / total,
                    process, process * 1e3 / total, (System.nanoTime() - wall) / 1e9,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
