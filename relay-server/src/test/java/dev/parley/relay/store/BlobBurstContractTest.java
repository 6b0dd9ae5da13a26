package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must hold when many stores and acknowledgements arrive at once (a store may commit them
 * together, group commit): each gets exactly the outcome it would get alone, in call order. Part of
 * {@link StoreContractTest}, which every store's test extends.
 */
abstract class BlobBurstContractTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRY = T0.plus(Duration.ofDays(1));

    protected BlobStore blobs;

    private static byte[] clientId(int n) {
        return ByteBuffer.allocate(16).putInt(12, n).array();
    }

    private static byte[] blob(int n) {
        return ByteBuffer.allocate(8 + n % 5).putInt(n).array();
    }

    @Test
    void aBurstOfStoresGetsEachItsOwnOutcomeAndKeepsCallOrder() {
        assertThat(blobs.store("bob", clientId(3), blob(3), T0, EXPIRY, 100).status()).isEqualTo(StoreResult.Status.STORED);
        // The outcome each store has alone, one after the other: a duplicate first, then a full queue.
        java.util.Set<String> remembered = new java.util.HashSet<>(List.of("bob/3"));
        java.util.Map<String, Integer> queued = new java.util.HashMap<>(java.util.Map.of("bob", 1, "carol", 0));
        List<CompletableFuture<StoreResult>> burst = new ArrayList<>();
        List<StoreResult.Status> expected = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            int id = n < 30 ? n : n - 25; // ids 5..9 come twice; 3 was stored before
            String to = n % 7 == 6 ? "carol" : "bob";
            int quota = to.equals("bob") ? 20 : 100;
            burst.add(blobs.storeAsync(to, clientId(id), blob(n), T0, EXPIRY, quota));
            if (remembered.contains(to + "/" + id)) {
                expected.add(StoreResult.Status.DUPLICATE);
            } else if (queued.get(to) >= quota) {
                expected.add(StoreResult.Status.QUEUE_FULL);
            } else {
                remembered.add(to + "/" + id);
                queued.merge(to, 1, Integer::sum);
                expected.add(StoreResult.Status.STORED);
            }
        }
        assertThat(expected).contains(StoreResult.Status.DUPLICATE, StoreResult.Status.QUEUE_FULL);
        List<StoreResult> results = burst.stream().map(CompletableFuture::join).toList();
        assertThat(results).extracting(StoreResult::status).containsExactlyElementsOf(expected);
        List<Long> bobIds = new ArrayList<>();
        for (int n = 0; n < results.size(); n++) {
            if (results.get(n).status() == StoreResult.Status.STORED && n % 7 != 6) {
                bobIds.add(results.get(n).id());
            }
        }
        assertThat(bobIds).as("ids ascend in call order").isSorted().doesNotHaveDuplicates();
        assertThat(blobs.queued("bob", 0, 100)).extracting(StoredBlob::id).hasSize(20)
                .endsWith(bobIds.toArray(Long[]::new));
        assertThat(blobs.queuedCount("bob")).isEqualTo(20);
        assertThat(blobs.queuedCount("carol")).isEqualTo(queued.get("carol"));
        assertThat(blobs.isKnown("bob", clientId(29))).as("refused for a full queue: not remembered").isFalse();
    }

    @Test
    void aBurstOfAcknowledgementsDeletesEachBlobOnceAndFreesItsQuota() {
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            ids.add(blobs.store("bob", clientId(n), blob(n), T0, EXPIRY, 12).id());
        }
        long carols = blobs.store("carol", clientId(0), blob(0), T0, EXPIRY, 12).id();
        List<CompletableFuture<Boolean>> acks = new ArrayList<>();
        for (long id : ids) {
            acks.add(blobs.deleteAsync("bob", id));
        }
        acks.add(blobs.deleteAsync("bob", ids.get(4)));
        acks.add(blobs.deleteAsync("bob", carols));
        acks.add(blobs.deleteAsync("bob", ids.get(11) + 1_000_000));
        List<Boolean> results = acks.stream().map(CompletableFuture::join).toList();
        assertThat(results.subList(0, 12)).containsOnly(true);
        assertThat(results.subList(12, 15)).as("again, another recipient's, unknown").containsExactly(false, false, false);
        assertThat(blobs.queuedCount("bob")).isZero();
        assertThat(blobs.queued("carol", 0, 10)).extracting(StoredBlob::id).containsExactly(carols);
        assertThat(blobs.totalQueued()).isEqualTo(1);
        assertThat(blobs.totalQueuedBytes()).isEqualTo(blob(0).length);
        assertThat(blobs.store("bob", clientId(20), blob(20), T0, EXPIRY, 12).status()).isEqualTo(StoreResult.Status.STORED);
        assertThat(blobs.store("bob", clientId(5), blob(5), T0, EXPIRY, 12).status())
                .as("remembered after the acknowledgement").isEqualTo(StoreResult.Status.DUPLICATE);
    }
}
