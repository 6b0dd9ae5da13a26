package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lane's group commit on its own (no database: a "transaction" here just runs the work and counts itself):
 * what waits together runs together, in submission order, and a failing request fails alone.
 */
class PgLaneTest {
    private final List<String> transactions = new CopyOnWriteArrayList<>();
    private final PgLane lane = new PgLane("test-lane", work -> {
        try {
            Object result = work.run(null);
            transactions.add(String.valueOf(result));
            return result;
        } catch (SQLException e) {
            transactions.add("rolled back");
            throw new StoreException("relay database operation failed", e);
        }
    });

    /** Doubles each request; a negative request is bad data, 0 means the connection is gone. */
    private final PgLane.BatchWork<Integer, Integer> doubling = (connection, requests) -> {
        List<Integer> out = new ArrayList<>();
        for (int r : requests) {
            if (r < 0) {
                throw new SQLException("bad value", "22003");
            }
            if (r == 0) {
                throw new SQLException("connection lost", "08006");
            }
            out.add(2 * r);
        }
        return out;
    };

    @AfterEach
    void close() {
        lane.close(5);
    }

    /** Holds the lane busy until the returned latch is released. */
    private CountDownLatch blockLane() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        lane.submit(c -> {
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "blocker";
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    @Test
    void requestsWaitingTogetherCommitTogetherAndCompleteInOrder() throws Exception {
        CountDownLatch release = blockLane();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        List<Integer> completionOrder = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 10; i++) {
            CompletableFuture<Integer> f = lane.submit(doubling, i);
            f.thenAccept(completionOrder::add);
            futures.add(f);
        }
        CompletableFuture<String> after = lane.submit(c -> "single");
        CompletableFuture<Integer> last = lane.submit(doubling, 11);
        last.thenAccept(completionOrder::add);
        release.countDown();
        assertThat(last.get(5, TimeUnit.SECONDS)).isEqualTo(22);
        assertThat(futures.stream().map(CompletableFuture::join)).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20);
        assertThat(after.join()).isEqualTo("single");
        assertThat(completionOrder).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22);
        assertThat(transactions).as("one transaction for the ten, the single alone, then the last")
                .containsExactly("blocker", "[2, 4, 6, 8, 10, 12, 14, 16, 18, 20]", "single", "[22]");
    }

    @Test
    void aBadRequestFailsAloneAndTheOthersOfItsBatchSucceed() throws Exception {
        CountDownLatch release = blockLane();
        CompletableFuture<Integer> one = lane.submit(doubling, 1);
        CompletableFuture<Integer> bad = lane.submit(doubling, -1);
        CompletableFuture<Integer> three = lane.submit(doubling, 3);
        release.countDown();
        assertThat(three.get(5, TimeUnit.SECONDS)).isEqualTo(6);
        assertThat(one.join()).isEqualTo(2);
        assertThatThrownBy(bad::join).hasCauseInstanceOf(StoreException.class);
        assertThat(transactions).containsExactly("blocker", "rolled back", "[2]", "rolled back", "[6]");
    }

    @Test
    void aLostConnectionFailsTheWholeBatchWithoutRetryingEachRequest() throws Exception {
        CountDownLatch release = blockLane();
        CompletableFuture<Integer> one = lane.submit(doubling, 1);
        CompletableFuture<Integer> lost = lane.submit(doubling, 0);
        release.countDown();
        assertThatThrownBy(() -> one.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
        assertThatThrownBy(lost::join).hasCauseInstanceOf(StoreException.class);
        assertThat(transactions).containsExactly("blocker", "rolled back");
    }

    @Test
    void workSubmittedAfterCloseFailsAtOnce() {
        lane.close(5);
        assertThatThrownBy(() -> lane.submit(doubling, 1).join()).hasCauseInstanceOf(StoreException.class);
    }
}
