package dev.parley.bench.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The highest heap use seen, sampled every 50 ms on a daemon thread until {@link #stop()}. */
final class HeapSampler {
    private final AtomicLong max = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    HeapSampler() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        thread = new Thread(() -> {
            while (running.get()) {
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return max.get();
    }
}
