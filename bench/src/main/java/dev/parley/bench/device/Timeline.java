package dev.parley.bench.device;

import dev.parley.bench.group.BenchRelay;
import dev.parley.bench.group.CpuMeter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Named moments of one measured run, each taken once (the first time it happens, on whichever thread sees it) with
 * the wall clock, the CPU time of this whole JVM (every client profile in it; JIT and GC included) and the relay
 * process's CPU time. A phase is the difference between two moments.
 */
final class Timeline {
    /** One moment: wall nanos, JVM CPU seconds since the timeline began, relay CPU milliseconds. */
    record Mark(long nanos, double jvmCpuSeconds, long relayCpuMs) {
    }

    private final BenchRelay relay;
    private final CpuMeter meter = CpuMeter.start();
    private final Map<String, Mark> marks = new HashMap<>();

    Timeline(BenchRelay relay) {
        this.relay = relay;
    }

    /** Takes the moment {@code name} now, unless it was taken already. */
    void mark(String name) {
        long nanos = System.nanoTime();
        double cpu = meter.processSeconds();
        long relayCpu = relay.cpuMillis();
        synchronized (this) {
            if (marks.putIfAbsent(name, new Mark(nanos, cpu, relayCpu)) == null) {
                notifyAll();
            }
        }
    }

    /** Waits until the moment {@code name} was taken. */
    synchronized void await(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!marks.containsKey(name)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("did not happen within " + timeout.toSeconds() + " s: " + name);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Whether the moment {@code name} was taken. */
    synchronized boolean has(String name) {
        return marks.containsKey(name);
    }

    synchronized Mark get(String name) {
        Mark m = marks.get(name);
        if (m == null) {
            throw new IllegalStateException("no moment " + name);
        }
        return m;
    }

    /** Wall milliseconds from {@code from} to {@code to}. */
    double ms(String from, String to) {
        return (get(to).nanos() - get(from).nanos()) / 1e6;
    }

    /** JVM CPU milliseconds from {@code from} to {@code to}. */
    double cpuMs(String from, String to) {
        return (get(to).jvmCpuSeconds() - get(from).jvmCpuSeconds()) * 1e3;
    }

    /** Relay CPU milliseconds from {@code from} to {@code to} (10 ms resolution). */
    long relayMs(String from, String to) {
        return get(to).relayCpuMs() - get(from).relayCpuMs();
    }

    String line(String what, String from, String to) {
        return String.format(Locale.ROOT, "  %-62s %8.0f ms | client JVM CPU %7.0f ms | relay CPU %5d ms", what,
                ms(from, to), cpuMs(from, to), relayMs(from, to));
    }
}
