package dev.parley.bench.ui;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world collections of this JVM while it runs, from the collectors' notifications (start and end in JVM
 * uptime milliseconds, as {@code -Xlog:gc*:uptime} prints them), so a benchmark can tell whether an FX-thread stall
 * ({@link FxProbe.Stall}) coincided with a GC pause. Concurrent cycles (G1's "Concurrent GC" bean) are not pauses and
 * and ZGC's "ZGC Cycles" are left out.
 */
final class GcPauses implements AutoCloseable {
    private final List<Pause> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::handle;

    /** One collection: {@code startMillis} to {@code endMillis} of JVM uptime. */
    record Pause(String collector, String cause, long startMillis, long endMillis) {
        long millis() {
            return endMillis - startMillis;
        }

        /** Whether this pause overlaps the stall (from posting the probe to running it), with 1 ms of slack. */
        boolean overlaps(FxProbe.Stall stall) {
            double stallEnd = stall.postedAtMillis() + stall.delayMillis();
            return startMillis <= stallEnd + 1 && endMillis + 1 >= stall.postedAtMillis();
        }
    }

    GcPauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter && !gc.getName().contains("Concurrent")
                    && !gc.getName().contains("Cycles")) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void handle(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        synchronized (pauses) {
            pauses.add(new Pause(info.getGcName(), info.getGcCause(), info.getGcInfo().getStartTime(),
                    info.getGcInfo().getEndTime()));
        }
    }

    List<Pause> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }

    /**
     * Prints the GC pauses of a run by collector and cause, and each FX stall over {@code stallMillis} with the pauses
     * it overlaps.
     */
    static void printAgainstStalls(List<Pause> pauses, List<FxProbe.Stall> stalls, long stallMillis) {
        Map<String, long[]> byCause = new java.util.TreeMap<>();
        for (Pause p : pauses) {
            long[] v = byCause.computeIfAbsent(p.collector() + " / " + p.cause(), k -> new long[3]);
            v[0]++;
            v[1] += p.millis();
            v[2] = Math.max(v[2], p.millis());
        }
        System.out.printf("  GC pauses while measured: %d, %d ms in all%n", pauses.size(),
                pauses.stream().mapToLong(Pause::millis).sum());
        byCause.forEach((k, v) -> System.out.printf("    %s: %d, %d ms, longest %d ms%n", k, v[0], v[1], v[2]));
        int withGc = 0;
        for (FxProbe.Stall stall : stalls) {
            List<Pause> overlapping = pauses.stream().filter(p -> p.overlaps(stall)).toList();
            withGc += overlapping.isEmpty() ? 0 : 1;
            System.out.printf("    FX stall at %,d ms uptime: %.1f ms (posted %.1f ms late by the probe's timer, then "
                    + "%.1f ms in the FX queue), FX-thread CPU in it %.1f ms, waiting for a core %.1f ms; render thread "
                    + "CPU %.1f ms, waiting for a core %.1f ms; GC pauses in it: %s%n", stall.postedAtMillis(),
                    stall.delayMillis(), stall.postedLateMillis(), stall.queuedMillis(), stall.fxCpuMillis(),
                    stall.runQueueMillis(), stall.renderCpuMillis(), stall.renderWaitMillis(), overlapping.isEmpty() ? "none" : overlapping.stream()
                            .map(p -> p.millis() + " ms " + p.collector() + " (" + p.cause() + ")").toList());
        }
        long working = stalls.stream().filter(s -> s.fxCpuMillis() >= stallMillis).count();
        System.out.printf("  FX stalls over %d ms: %d, of which %d overlap a GC pause; %d with over %d ms of FX-thread "
                + "CPU in them (work on the FX thread), %d with less (the FX thread waited: for a core, a lock, a "
                + "safepoint)%n", stallMillis, stalls.size(), withGc, working,
                stallMillis, stalls.size() - working);
    }
}
