package dev.parley.bench.pickup;

import dev.parley.bench.proc.ProcTasks;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the JVM's own threads, which {@link java.lang.management.ThreadMXBean} does not list: the JIT compilers,
 * the garbage collector and the VM thread, read per native thread from {@code /proc/self/task/TID/stat} (Linux only;
 * clock ticks, 10 ms resolution). This splits {@link ThreadCpuBreakdown}'s "not in Java threads" into what the
 * compiler, the collector and the VM spent. A thread that ended during the window (the JDK stops compiler threads it
 * no longer needs) is not counted, so the groups can add up to less than the process figure.
 */
public final class VmThreadCpu {
    private static final double TICKS_PER_SECOND = ProcTasks.TICKS_PER_SECOND;

    private final Map<String, Long> before;

    private VmThreadCpu(Map<String, Long> before) {
        this.before = before;
    }

    public static VmThreadCpu start() {
        return new VmThreadCpu(ticksByTask());
    }

    /** True where /proc/self/task can be read (Linux). */
    public static boolean available() {
        return ProcTasks.available();
    }

    /** "JIT 0.820 s (C2 0.700 s, C1 0.120 s), GC 0.210 s, VM 0.030 s" since {@link #start()}. */
    public String report() {
        Map<String, Long> spent = new LinkedHashMap<>();
        spent.put("C2", 0L);
        spent.put("C1", 0L);
        spent.put("GC", 0L);
        spent.put("VM", 0L);
        for (Map.Entry<String, Long> now : ticksByTask().entrySet()) {
            String name = now.getKey().substring(now.getKey().indexOf(' ') + 1);
            String group = group(name);
            if (group != null) {
                spent.merge(group, now.getValue() - before.getOrDefault(now.getKey(), 0L), Long::sum);
            }
        }
        return String.format("JIT %.2f s (C2 %.2f s, C1 %.2f s), GC %.2f s, VM %.2f s",
                (spent.get("C2") + spent.get("C1")) / TICKS_PER_SECOND, spent.get("C2") / TICKS_PER_SECOND,
                spent.get("C1") / TICKS_PER_SECOND, spent.get("GC") / TICKS_PER_SECOND, spent.get("VM") / TICKS_PER_SECOND);
    }

    /** The group of a HotSpot thread by its native name (15 characters at most), or null for a Java thread. */
    private static String group(String name) {
        if (name.startsWith("C2 CompilerThre")) {
            return "C2";
        }
        if (name.startsWith("C1 CompilerThre")) {
            return "C1";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("Shenandoah")) {
            return "GC";
        }
        if (name.startsWith("VM Thread") || name.startsWith("VM Periodic")) {
            return "VM";
        }
        return null;
    }

    /** Ticks of user + system time by "TID name". */
    private static Map<String, Long> ticksByTask() {
        Map<String, Long> ticks = new HashMap<>();
        for (ProcTasks.Task task : ProcTasks.now().values()) {
            ticks.put(task.tid() + " " + task.name(), task.ticks());
        }
        return ticks;
    }
}
