package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.cluster.ClusterEngines;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on a real PostgreSQL, plus what only a shared store must hold: two nodes (two
 * {@link PgDatabase}s on one database, one username secret) racing on one recipient.
 */
class PgStoreTest extends StoreContractTest {
    @RegisterExtension
    static final ClusterEngines ENGINES = ClusterEngines.postgres();

    /** Two nodes for the whole class (the schema migrates once); every test starts from empty tables. */
    @TempDir
    static Path secrets;
    private static PgDatabase node1;
    private static PgDatabase node2;

    private static PostgresLocation location() {
        return PostgresLocation.parse(ENGINES.storeUri(), Optional.empty());
    }

    @Override
    protected void open() throws Exception {
        if (node1 == null) {
            node1 = PgDatabase.open(location(), secrets);
        }
        accounts = node1.accounts();
        blobs = node1.blobs();
    }

    @Override
    protected void close() throws Exception {
        try (Connection c = DriverManager.getConnection(ENGINES.jdbcUrl(), ENGINES.user(), "");
             Statement s = c.createStatement()) {
            s.execute("TRUNCATE accounts, one_time_prekeys, kem_prekeys, devices, invites, queues, blobs, attachments, attachment_readers, attachment_chunks");
        }
    }

    @AfterAll
    static void closeNodes() {
        if (node1 != null) {
            node1.close();
            node1 = null;
        }
        if (node2 != null) {
            node2.close();
            node2 = null;
        }
    }

    /** A second node on the same database and username secret. */
    private BlobStore secondNode() throws Exception {
        if (node2 == null) {
            node2 = PgDatabase.open(location(), secrets);
        }
        return node2.blobs();
    }

    @Test
    void theQuotaHoldsWhenTwoNodesStoreForOneRecipientAtOnce() throws Exception {
        BlobStore other = secondNode();
        Instant expiry = T0.plus(Duration.ofDays(1));
        List<Callable<StoreResult>> sends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            BlobStore node = i % 2 == 0 ? blobs : other;
            byte[] id = bytes(16, i);
            sends.add(() -> node.store("bob", id, bytes(10, 1), T0, expiry, 25));
        }
        List<StoreResult> results = runAll(sends);
        assertThat(results).filteredOn(r -> r.status() == StoreResult.Status.STORED).hasSize(25);
        assertThat(results).filteredOn(r -> r.status() == StoreResult.Status.QUEUE_FULL).hasSize(15);
        assertThat(blobs.queuedCount("bob")).isEqualTo(25);
        assertThat(other.totalQueued()).isEqualTo(25);
    }

    @Test
    void aRetriedSendReachingTwoNodesAtOnceIsStoredOnce() throws Exception {
        BlobStore other = secondNode();
        Instant expiry = T0.plus(Duration.ofDays(1));
        List<Callable<StoreResult>> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BlobStore node = i % 2 == 0 ? blobs : other;
            byte[] id = bytes(16, i / 4);
            sends.add(() -> node.store("bob", id, bytes(10, 1), T0, expiry, 100));
        }
        List<StoreResult> results = runAll(sends);
        assertThat(results).filteredOn(r -> r.status() == StoreResult.Status.STORED).hasSize(5);
        assertThat(results).filteredOn(r -> r.status() == StoreResult.Status.DUPLICATE).hasSize(15);
        assertThat(other.queued("bob", 0, 100)).hasSize(5);
    }

    @Test
    void idsBecomeVisibleInOrderWhileTwoNodesStoreForOneRecipient() throws Exception {
        BlobStore other = secondNode();
        Instant expiry = T0.plus(Duration.ofDays(1));
        List<Callable<StoreResult>> sends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BlobStore node = i % 2 == 0 ? blobs : other;
            byte[] id = java.nio.ByteBuffer.allocate(16).putInt(i).array();
            sends.add(() -> node.store("bob", id, bytes(10, 1), T0, expiry, 1000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        try {
            List<Future<StoreResult>> pending = sends.stream().map(pool::submit).toList();
            long cursor = 0;
            // A reader paging with an id cursor while the stores run must miss nothing.
            while (seen.size() < 200) {
                for (StoredBlob b : blobs.queued("bob", cursor, 50)) {
                    seen.add(b.id());
                    cursor = Math.max(cursor, b.id());
                }
                if (pending.stream().allMatch(Future::isDone) && blobs.queued("bob", cursor, 1).isEmpty()) {
                    break;
                }
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void anAcknowledgementOnAnotherNodeDeletesOnceAndFreesTheQuota() throws Exception {
        BlobStore other = secondNode();
        Instant expiry = T0.plus(Duration.ofDays(1));
        long id = blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, expiry, 1).id();
        assertThat(other.store("bob", bytes(16, 2), bytes(10, 1), T0, expiry, 1).status())
                .isEqualTo(StoreResult.Status.QUEUE_FULL);
        List<Callable<Boolean>> acks = List.of(() -> blobs.delete("bob", id), () -> other.delete("bob", id));
        assertThat(runAll(acks)).containsExactlyInAnyOrder(true, false);
        assertThat(other.store("bob", bytes(16, 2), bytes(10, 1), T0, expiry, 1).status())
                .isEqualTo(StoreResult.Status.STORED);
        assertThat(blobs.store("bob", bytes(16, 1), bytes(10, 1), T0, expiry, 1).status())
                .as("still remembered after the acknowledgement on the other node").isEqualTo(StoreResult.Status.DUPLICATE);
    }

    @Test
    void twoSweepersAtOnceDeleteEachExpiredBlobOnce() throws Exception {
        BlobStore other = secondNode();
        for (int i = 0; i < 300; i++) {
            blobs.store("user" + (i % 7), java.nio.ByteBuffer.allocate(16).putInt(i).array(), bytes(10, 1), T0,
                    T0.plusSeconds(i < 200 ? 10 : 1000), 1000);
        }
        Instant later = T0.plusSeconds(100);
        List<Callable<Integer>> sweeps = List.of(() -> blobs.deleteExpired(later), () -> other.deleteExpired(later),
                () -> blobs.deleteExpired(later), () -> other.deleteExpired(later));
        int deleted = runAll(sweeps).stream().mapToInt(Integer::intValue).sum();
        deleted += blobs.deleteExpired(later); // whatever a sweeper that found the lock taken left
        assertThat(deleted).isEqualTo(200);
        assertThat(other.totalQueued()).isEqualTo(100);
        assertThat(other.totalQueuedBytes()).isEqualTo(1000);
    }

    @Test
    void aStoreWakesTheNodeServingTheRecipient() throws Exception {
        BlobStore other = secondNode();
        try (QueueWakeups wakeups = node1.wakeups()) {
            java.util.concurrent.CountDownLatch woken = new java.util.concurrent.CountDownLatch(1);
            wakeups.subscribe("bob", woken::countDown);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!wakeups.listening() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            other.store("carol", bytes(16, 1), bytes(10, 1), T0, T0.plusSeconds(100), 10);
            other.store("bob", bytes(16, 1), bytes(10, 1), T0, T0.plusSeconds(100), 10);
            assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
