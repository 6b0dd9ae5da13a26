package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.relay.store.AttachmentRefusedException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's attachment files when the disk is full, when a write fails, and after a crash. */
class DiskAttachmentStoreTest extends AttachmentStoreContract {
    private static final int CHUNK = AttachmentFormat.CIPHER_CHUNK_BYTES;
    private static final long QUOTA = 1L << 40;
    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock();
    private final AtomicLong freeBytes = new AtomicLong(1L << 30);

    private DiskAttachmentStore contractStore;

    @Override
    protected AttachmentStore attachments() throws Exception {
        if (contractStore == null) {
            contractStore = open();
        }
        return contractStore;
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }

    @org.junit.jupiter.api.AfterEach
    void closeContractStore() {
        if (contractStore != null) {
            contractStore.close();
        }
    }

    @Test
    void aSharedAttachmentKeepsItsTokenHashAcrossARestartAndOldMetadataStillReads() throws Exception {
        byte[] token = dev.parley.crypto.attachment.AttachmentReadToken.derive(CryptoProviders.preferred(),
                new byte[32]);
        byte[] shared;
        byte[] named;
        try (DiskAttachmentStore store = open()) {
            shared = store.reserve("alice", List.of(), dev.parley.crypto.attachment.AttachmentReadToken.hash(token),
                    100, expiry(), QUOTA);
            store.append(shared, "alice", 0, new byte[100]);
            named = store.reserve("alice", List.of("bob"), 100, expiry(), QUOTA);
            store.append(named, "alice", 0, new byte[100]);
        }
        Path namedMeta = dataDir.resolve("attachments").resolve(HexFormat.of().formatHex(named) + ".meta");
        assertThat(Files.readAllBytes(namedMeta)[0]).as("readers only: still the version-1 encoding").isEqualTo((byte) 1);
        try (DiskAttachmentStore store = open()) {
            assertThat(store.read(shared, "carol", token, 0).bytes()).hasSize(100);
            assertThat(reasonOf(() -> store.read(shared, "carol", new byte[32], 0))).isEqualTo(Reason.UNKNOWN);
            assertThat(store.read(named, "bob", 0).bytes()).hasSize(100);
            assertThat(reasonOf(() -> store.read(named, "carol", token, 0))).isEqualTo(Reason.UNKNOWN);
        }
    }

    private DiskAttachmentStore open() throws Exception {
        return DiskAttachmentStore.open(dataDir, CryptoProviders.preferred().random(), clock, dir -> freeBytes.get(), 1000);
    }

    private Instant expiry() {
        return clock.instant().plus(Duration.ofDays(1));
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("attachments"))) {
            return files.toList();
        }
    }

    private static AttachmentRefusedException.Reason reasonOf(ThrowingCall call) {
        try {
            call.run();
        } catch (AttachmentRefusedException e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void anUploadTheDiskCannotHoldIsRefusedBeforeAnyByteIsWritten() throws Exception {
        try (DiskAttachmentStore store = open()) {
            freeBytes.set(5 * CHUNK + 1000);
            byte[] id = store.reserve("alice", List.of("bob"), 4L * CHUNK, expiry(), QUOTA);
            // What is reserved and not yet written counts against the free space.
            assertThat(reasonOf(() -> store.reserve("carol", List.of("bob"), 2L * CHUNK, expiry(), QUOTA)))
                    .isEqualTo(Reason.STORAGE_FULL);
            assertThat(files()).hasSize(2);
            assertThat(store.usage("carol")).isZero();
            store.append(id, "alice", 0, new byte[CHUNK]);
            assertThat(store.usage("alice")).isEqualTo(4L * CHUNK);
        }
    }

    @Test
    void aWriteThatFailsDeletesThePartialUploadAndReleasesItsQuota() throws Exception {
        try (DiskAttachmentStore store = open()) {
            byte[] id = store.reserve("alice", List.of("bob"), 3L * CHUNK, expiry(), QUOTA);
            store.append(id, "alice", 0, new byte[CHUNK]);
            // The disk "fills": the .part file can no longer be written (a directory in its place fails every write).
            Path part = dataDir.resolve("attachments").resolve(HexFormat.of().formatHex(id) + ".part");
            Files.delete(part);
            Files.createDirectory(part);
            assertThat(reasonOf(() -> store.append(id, "alice", 1, new byte[CHUNK]))).isEqualTo(Reason.STORAGE_FULL);
            assertThat(files()).extracting(p -> p.getFileName().toString()).noneMatch(n -> n.endsWith(".bin")
                    || n.endsWith(".meta"));
            assertThat(store.usage("alice")).isZero();
            assertThat(reasonOf(() -> store.progress(id, "alice"))).isEqualTo(Reason.UNKNOWN);
            assertThat(reasonOf(() -> store.read(id, "bob", 0))).isEqualTo(Reason.UNKNOWN);
        }
    }

    @Test
    void aRestartKeepsWholeChunksCompletesAFinishedUploadAndDeletesOrphans() throws Exception {
        byte[] partial;
        byte[] finished;
        try (DiskAttachmentStore store = open()) {
            partial = store.reserve("alice", List.of("bob"), 3L * CHUNK, expiry(), QUOTA);
            store.append(partial, "alice", 0, new byte[CHUNK]);
            finished = store.reserve("alice", List.of("bob"), CHUNK + 100, expiry(), QUOTA);
            store.append(finished, "alice", 0, new byte[CHUNK]);
        }
        Path dir = dataDir.resolve("attachments");
        // Killed in the middle of a chunk of one upload, and after the last write but before the rename of the other.
        Files.write(dir.resolve(HexFormat.of().formatHex(partial) + ".part"), new byte[CHUNK / 3],
                java.nio.file.StandardOpenOption.APPEND);
        Files.write(dir.resolve(HexFormat.of().formatHex(finished) + ".part"), new byte[100],
                java.nio.file.StandardOpenOption.APPEND);
        Files.write(dir.resolve("00112233445566778899aabbccddeeff.part"), new byte[10]);
        try (DiskAttachmentStore store = open()) {
            assertThat(store.progress(partial, "alice")).isEqualTo(new AttachmentStore.Progress(1, false, 3));
            assertThat(store.progress(finished, "alice")).isEqualTo(new AttachmentStore.Progress(2, true, 2));
            assertThat(store.read(finished, "bob", 1).bytes()).hasSize(100);
            assertThat(files()).extracting(p -> p.getFileName().toString())
                    .doesNotContain("00112233445566778899aabbccddeeff.part");
            assertThat(store.usage("alice")).isEqualTo(4L * CHUNK + 100);
        }
    }

    /**
     * The bulk path uploads in segments of a few MiB, one request each; the early write-back counts the upload's bytes
     * across them (it used to count per request, so segments under 32 MiB never wrote anything back early and the
     * sync that completes a 1 GiB file had all of it left to write).
     */
    @Test
    void anUploadInSegmentsSmallerThanTheWritebackIntervalIsWrittenBackAsItGoes() throws Exception {
        java.util.concurrent.atomic.AtomicInteger writebacks = new java.util.concurrent.atomic.AtomicInteger();
        long total = dev.parley.crypto.attachment.WritebackSync.EVERY_BYTES / CHUNK + 60;
        int segment = 128;
        try (DiskAttachmentStore store = DiskAttachmentStore.open(dataDir, CryptoProviders.preferred().random(), clock,
                dir -> freeBytes.get(), 1000, task -> {
                    writebacks.incrementAndGet();
                    task.run();
                })) {
            byte[] id = store.reserve("alice", List.of("bob"), total * CHUNK, expiry(), QUOTA);
            byte[] chunk = new byte[CHUNK];
            for (long first = 0; first < total; first += segment) {
                long end = Math.min(total, first + segment);
                store.appendAll(id, "alice", first, index -> index < end ? chunk : null);
                if (end < total) {
                    assertThat(store.progress(id, "alice").chunksConfirmed()).isEqualTo(end);
                }
            }
            assertThat(writebacks).as("one early write-back after 32 MiB of 4 MiB segments").hasValue(1);
            assertThat(store.progress(id, "alice")).isEqualTo(new AttachmentStore.Progress(total, true, total));
            assertThat(Files.size(dataDir.resolve("attachments").resolve(HexFormat.of().formatHex(id) + ".bin")))
                    .isEqualTo(total * CHUNK);
        }
    }
}
