package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTasksTest {

    @Test
    void successAndFailureHandlersRunOnTheUiExecutorAndBusyTracksThem() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        BlockingQueue<Runnable> uiQueue = new ArrayBlockingQueue<>(10);
        BackgroundTasks tasks = new BackgroundTasks(worker, uiQueue::add);
        List<String> seen = new ArrayList<>();
        try {
            tasks.run(() -> Thread.currentThread().getName().startsWith("pool") ? "worker" : "elsewhere", seen::add,
                    e -> seen.add("failed"));
            assertThat(tasks.busyProperty().get()).isTrue();
            uiQueue.poll(10, TimeUnit.SECONDS).run();
            assertThat(seen).containsExactly("worker");
            assertThat(tasks.busyProperty().get()).isFalse();

            tasks.runVoid(() -> {
                throw new IOException("disk gone");
            }, () -> seen.add("ok"), e -> seen.add(e.getMessage()));
            uiQueue.poll(10, TimeUnit.SECONDS).run();
            assertThat(seen).containsExactly("worker", "disk gone");
            assertThat(tasks.busyProperty().get()).isFalse();
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void heavyWorkRunsOnTheHeavyWorkerAndOtherWorkOnTheOrdinaryOne() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "ordinary"));
        ExecutorService heavy = Executors.newSingleThreadExecutor(r -> new Thread(r, "heavy"));
        BlockingQueue<Runnable> uiQueue = new ArrayBlockingQueue<>(10);
        BackgroundTasks tasks = new BackgroundTasks(worker, heavy, uiQueue::add);
        List<String> seen = new ArrayList<>();
        try {
            tasks.runHeavy(() -> Thread.currentThread().getName(), seen::add, e -> seen.add("failed"));
            uiQueue.poll(10, TimeUnit.SECONDS).run();
            tasks.run(() -> Thread.currentThread().getName(), seen::add, e -> seen.add("failed"));
            uiQueue.poll(10, TimeUnit.SECONDS).run();
            assertThat(seen).containsExactly("heavy", "ordinary");
            assertThat(tasks.busyProperty().get()).isFalse();
        } finally {
            worker.shutdownNow();
            heavy.shutdownNow();
        }
    }
}
