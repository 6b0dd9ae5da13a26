package dev.parley.desktop.app;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a generous timeout; used instead of sleeps. */
final class Await {
    private Await() {
    }

    static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
