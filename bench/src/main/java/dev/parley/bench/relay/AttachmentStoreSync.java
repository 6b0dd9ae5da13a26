package dev.parley.bench.relay;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.relay.store.DiskAttachmentStore;
import dev.parley.relay.store.DiskSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Issue #13: the relay's attachment store alone, an upload of {@code MiB} in the bulk path's segments (one
 * {@code appendAll} per segment, as one {@code PUT} each), timing the whole upload and its last segment, which makes
 * the file durable ({@code force} before the rename). Without early write-backs across segments the last one has the
 * whole file left to write to disk. Disk-bound, so it reads the same on a loaded machine.
 *
 * <pre>
 * java -cp bench/target/parley-bench.jar dev.parley.bench.relay.AttachmentStoreSync [MiB, default 1024] [chunks per
 *     segment, default 128]
 * </pre>
 */
public final class AttachmentStoreSync {
    private AttachmentStoreSync() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int segment = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int chunk = AttachmentFormat.CIPHER_CHUNK_BYTES;
        long total = (mib << 20) / chunk;
        Path data = Files.createTempDirectory("parley-bench-store-sync");
        try (DiskAttachmentStore store = DiskAttachmentStore.open(data, CryptoProviders.preferred().random(),
                Clock.systemUTC(), DiskSpace.of(), 1 << 20)) {
            byte[] id = store.reserve("alice", List.of("bob"), null, total * chunk, Instant.now().plusSeconds(3600),
                    1L << 40);
            byte[] bytes = new byte[chunk];
            SplittableRandom random = new SplittableRandom(13);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt();
            }
            long start = System.nanoTime();
            long lastStart = start;
            for (long first = 0; first < total; first += segment) {
                long end = Math.min(total, first + segment);
                lastStart = System.nanoTime();
                store.appendAll(id, "alice", first, index -> index < end ? bytes : null);
            }
            long done = System.nanoTime();
            System.out.printf("%,d MiB in segments of %d chunks: whole upload %.2f s, the last segment (with the final "
                    + "sync) %.2f s; load average %s%n", mib, segment, (done - start) / 1e9, (done - lastStart) / 1e9,
                    Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            deleteTree(data);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
