package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.relay.cluster.ClusterEngines;
import dev.parley.relay.store.AttachmentRefusedException.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Attachments in cluster mode: two nodes (two {@link PgDatabase}s on one PostgreSQL) sharing every upload. */
class PgAttachmentStoreTest extends AttachmentStoreContract {
    private static final int CHUNK = AttachmentFormat.CIPHER_CHUNK_BYTES;

    @RegisterExtension
    static final ClusterEngines ENGINES = ClusterEngines.postgres();
    @TempDir
    static Path secrets;
    private static PgDatabase db1;
    private static PgDatabase db2;
    private static final MutableClock CLOCK = new MutableClock();
    private static AttachmentStore node1;
    private static AttachmentStore node2;

    @BeforeAll
    static void open() throws Exception {
        PostgresLocation location = PostgresLocation.parse(ENGINES.storeUri(), Optional.empty());
        db1 = PgDatabase.open(location, secrets);
        db2 = PgDatabase.open(location, secrets);
        node1 = db1.attachments(CryptoProviders.preferred().random(), CLOCK);
        node2 = db2.attachments(CryptoProviders.preferred().random(), CLOCK);
    }

    @AfterAll
    static void close() {
        db1.close();
        db2.close();
    }

    @AfterEach
    void empty() throws Exception {
        try (Connection c = DriverManager.getConnection(ENGINES.jdbcUrl(), ENGINES.user(), "");
             Statement s = c.createStatement()) {
            s.execute("TRUNCATE attachments, attachment_readers, attachment_chunks");
        }
    }

    @Override
    protected AttachmentStore attachments() {
        return node1;
    }

    @Override
    protected Instant now() {
        return CLOCK.instant();
    }

    private static Instant expiry() {
        return CLOCK.instant().plus(Duration.ofDays(1));
    }

    private static byte[] chunk(int length, int fill) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    private static Reason reasonOf(Callable<?> call) throws Exception {
        try {
            call.call();
        } catch (AttachmentRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void anUploadBegunOnOneNodeResumesOnAnotherAndIsReadFromEitherByItsReadersOnly() throws Exception {
        long size = 2L * CHUNK + 100;
        byte[] id = node1.reserve("alice", List.of("bob"), size, expiry(), 1L << 30);
        assertThat(node1.append(id, "alice", 0, chunk(CHUNK, 1))).isEqualTo(new AttachmentStore.Progress(1, false, 3));
        assertThat(node2.progress(id, "alice")).isEqualTo(new AttachmentStore.Progress(1, false, 3));
        assertThat(reasonOf(() -> node2.read(id, "bob", 0))).as("not complete yet").isEqualTo(Reason.UNKNOWN);
        assertThat(reasonOf(() -> node2.append(id, "alice", 2, chunk(100, 3)))).isEqualTo(Reason.OUT_OF_ORDER);
        assertThat(reasonOf(() -> node2.append(id, "alice", 1, chunk(CHUNK - 1, 2)))).isEqualTo(Reason.BAD_LENGTH);
        assertThat(reasonOf(() -> node2.append(id, "mallory", 1, chunk(CHUNK, 2)))).isEqualTo(Reason.UNKNOWN);
        node2.append(id, "alice", 1, chunk(CHUNK, 2));
        assertThat(node1.append(id, "alice", 2, chunk(100, 3))).isEqualTo(new AttachmentStore.Progress(3, true, 3));
        assertThat(reasonOf(() -> node1.append(id, "alice", 3, chunk(100, 3)))).isEqualTo(Reason.OUT_OF_ORDER);
        assertThat(node2.read(id, "bob", 1).bytes()).isEqualTo(chunk(CHUNK, 2));
        assertThat(node1.read(id, "alice", 2)).satisfies(c -> {
            assertThat(c.bytes()).isEqualTo(chunk(100, 3));
            assertThat(c.totalChunks()).isEqualTo(3);
        });
        assertThat(reasonOf(() -> node1.read(id, "carol", 0))).isEqualTo(Reason.UNKNOWN);
        assertThat(reasonOf(() -> node1.read(id, "bob", 3))).isEqualTo(Reason.UNKNOWN);
        assertThat(node2.usage("alice")).isEqualTo(size);
    }

    @Test
    void theQuotaHoldsWhenTwoNodesReserveForOneOwnerAtOnce() throws Exception {
        long quota = 3L * CHUNK;
        List<Callable<Boolean>> reservations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            AttachmentStore node = i % 2 == 0 ? node1 : node2;
            reservations.add(() -> {
                try {
                    node.reserve("alice", List.of("bob"), 2L * CHUNK, expiry(), quota);
                    return true;
                } catch (AttachmentRefusedException e) {
                    assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXCEEDED);
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int granted = 0;
        try {
            for (Future<Boolean> f : pool.invokeAll(reservations)) {
                granted += f.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        assertThat(granted).isEqualTo(1);
        assertThat(node1.usage("alice")).isEqualTo(2L * CHUNK);
    }

    @Test
    void expiredAttachmentsAreUnknownAndSweptOnce() throws Exception {
        byte[] id = node1.reserve("alice", List.of("bob"), 100, expiry(), 1L << 30);
        node1.append(id, "alice", 0, chunk(100, 1));
        CLOCK.advance(Duration.ofDays(2));
        assertThat(reasonOf(() -> node2.read(id, "bob", 0))).isEqualTo(Reason.UNKNOWN);
        assertThat(node1.sweep(CLOCK.instant()) + node2.sweep(CLOCK.instant())).isEqualTo(1);
        assertThat(node2.usage("alice")).isZero();
        assertThat(reasonOf(() -> node1.reserve("alice", List.of(), 10, expiry(), 1L << 30))).isEqualTo(Reason.BAD_LENGTH);
    }
}
