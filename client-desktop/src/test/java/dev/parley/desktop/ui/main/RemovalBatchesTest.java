package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * #12: a disappearing sweep publishes one removal event per batch of 500; the UI thread must not update the open chat
 * and reload the conversation's row once per event. Removals of 10,000 messages published while the UI thread is busy
 * reach the view model as one update per conversation, with every id, and hand-overs are at least
 * {@link RemovalBatches#MIN_GAP} apart (fewer frames to draw during a sweep) while a lone removal shows at once.
 */
class RemovalBatchesTest {

    @Test
    void tenThousandRemovalsInTwentyEventsReachTheViewModelAsOneUpdatePerConversation() {
        Queue<Runnable> uiThread = new ArrayDeque<>();
        List<Map.Entry<String, Set<String>>> updates = new ArrayList<>();
        long[] now = {0};
        List<Long> delays = new ArrayList<>();
        List<Runnable> delayed = new ArrayList<>();
        RemovalBatches batches = new RemovalBatches(uiThread::add, (nanos, task) -> {
            delays.add(nanos);
            delayed.add(task);
        }, () -> now[0], (c, ids) -> updates.add(Map.entry(c, Set.copyOf(ids))));
        for (int event = 0; event < 20; event++) {
            int from = event * 500;
            batches.removed(event % 4 == 3 ? "carol" : "bob",
                    IntStream.range(from, from + 500).mapToObj(i -> "m" + i).toList());
        }
        assertThat(uiThread).as("tasks posted to the UI thread").hasSize(1);
        uiThread.poll().run();
        assertThat(updates).extracting(Map.Entry::getKey).containsExactly("bob", "carol");
        assertThat(updates.get(0).getValue()).hasSize(7_500);
        assertThat(updates.get(1).getValue()).hasSize(2_500);

        // a removal 50 ms after that hand-over waits for the rest of the gap, gathered with what follows
        now[0] += 50_000_000L;
        batches.removed("bob", List.of("m-late"));
        batches.removed("bob", List.of("m-later"));
        assertThat(uiThread).isEmpty();
        assertThat(delays).containsExactly(RemovalBatches.MIN_GAP.toNanos() - 50_000_000L);
        now[0] += delays.get(0);
        delayed.get(0).run();
        uiThread.poll().run();
        assertThat(updates).hasSize(3);
        assertThat(updates.get(2).getValue()).containsExactlyInAnyOrder("m-late", "m-later");

        // after a quiet moment (a message the user deleted) the removal shows at once
        now[0] += RemovalBatches.MIN_GAP.toNanos();
        batches.removed("bob", List.of("m-deleted"));
        assertThat(uiThread).hasSize(1);
        assertThat(delays).hasSize(1);
        uiThread.poll().run();
        assertThat(updates.get(3).getValue()).containsExactly("m-deleted");
    }

    @Test
    void removalsFromSeveralThreadsAreAllDelivered() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        Set<String> seen = new HashSet<>();
        java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService timer = Executors.newSingleThreadExecutor();
        RemovalBatches batches = new RemovalBatches(r -> {
            posts.incrementAndGet();
            ui.execute(r);
        }, (nanos, task) -> timer.execute(task), System::nanoTime, (c, ids) -> seen.addAll(ids));
        CountDownLatch done = new CountDownLatch(200);
        for (int event = 0; event < 200; event++) {
            int from = event * 50;
            publishers.execute(() -> {
                batches.removed("bob", IntStream.range(from, from + 50).mapToObj(i -> "m" + i).toList());
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        publishers.shutdown();
        timer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        ui.submit(() -> { }).get(10, TimeUnit.SECONDS);
        ui.submit(() -> { }).get(10, TimeUnit.SECONDS);
        ui.shutdown();
        assertThat(ui.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(10_000);
        assertThat(posts.get()).isBetween(1, 200);
    }
}
