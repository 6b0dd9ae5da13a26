package dev.parley.bench.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Matches the FX thread's stalls ({@link FxProbe.Stall}) to what a flight recording saw in them: the FX thread's Java
 * and native execution samples (grouped by the first frame of Parley's own code and by the top frame), its monitor
 * waits and parks, and the safepoints and GC pauses that overlap each stall. The recording runs inside the benchmark's
 * JVM with {@code bench/jfr/fx-stalls.jfc} (samples every 5 ms), so stall times (JVM uptime) and events line up.
 */
final class FxStallReport implements AutoCloseable {
    static final String FX_THREAD = "JavaFX Application Thread";
    private final Recording recording;
    private final Path file;

    private FxStallReport(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts recording with the settings in {@code jfc} into {@code file}. */
    static FxStallReport start(Path jfc, Path file) throws IOException, java.text.ParseException {
        Recording recording = new Recording(Configuration.create(jfc));
        recording.setDestination(file);
        recording.start();
        return new FxStallReport(recording, file);
    }

    /** Stops recording, then prints what the FX thread did in each stall, and in all of them together. */
    void print(List<FxProbe.Stall> stalls) throws IOException {
        recording.stop();
        recording.close();
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Map<String, Integer> allByOwnFrame = new HashMap<>();
        Map<String, Integer> allByTopFrame = new HashMap<>();
        int samplesInStalls = 0;
        System.out.printf("  flight recording %s: %,d events; what the FX thread did in each stall:%n", file,
                events.size());
        for (FxProbe.Stall stall : stalls) {
            Instant from = jvmStart.plusMillis(stall.postedAtMillis());
            Instant to = from.plusNanos((long) (stall.delayMillis() * 1e6));
            Map<String, Integer> byOwnFrame = new HashMap<>();
            int samples = 0;
            List<String> waits = new ArrayList<>();
            Duration safepoints = Duration.ZERO;
            int safepointCount = 0;
            Duration gc = Duration.ZERO;
            for (RecordedEvent e : events) {
                Instant start = e.getStartTime();
                Instant end = e.getEndTime();
                if (end.isBefore(from) || start.isAfter(to)) {
                    continue;
                }
                String type = e.getEventType().getName();
                switch (type) {
                    case "jdk.ExecutionSample", "jdk.NativeMethodSample" -> {
                        if (isFx(e, "sampledThread")) {
                            samples++;
                            String own = ownFrame(e.getStackTrace()) + (type.endsWith("NativeMethodSample")
                                    ? " [native]" : "");
                            byOwnFrame.merge(own, 1, Integer::sum);
                            allByOwnFrame.merge(own, 1, Integer::sum);
                            allByTopFrame.merge(topFrames(e.getStackTrace(), 3), 1, Integer::sum);
                        }
                    }
                    case "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark", "jdk.ThreadSleep",
                            "jdk.FileRead" -> {
                        if (isFx(e, "eventThread")) {
                            waits.add(type.substring(4) + " " + e.getDuration().toMillis() + " ms at "
                                    + ownFrame(e.getStackTrace()));
                        }
                    }
                    case "jdk.SafepointBegin" -> {
                        safepoints = safepoints.plus(e.getDuration());
                        safepointCount++;
                    }
                    case "jdk.GCPhasePause" -> gc = gc.plus(e.getDuration());
                    default -> {
                    }
                }
            }
            samplesInStalls += samples;
            System.out.printf("    stall at %,d ms uptime, %.1f ms (FX CPU %.1f ms): %d FX samples %s; waits %s; "
                            + "safepoints %d (%.1f ms); GC pauses %.1f ms%n", stall.postedAtMillis(),
                    stall.delayMillis(), stall.fxCpuMillis(), samples, top(byOwnFrame, 4), waits,
                    safepointCount, safepoints.toNanos() / 1e6, gc.toNanos() / 1e6);
        }
        System.out.printf("  FX samples in all stalls: %d; by Parley's own frame: %s%n", samplesInStalls,
                top(allByOwnFrame, 12));
        System.out.printf("  by top frames: %s%n", top(allByTopFrame, 12));
    }

    private static boolean isFx(RecordedEvent e, String field) {
        RecordedThread thread = e.getValue(field);
        return thread != null && FX_THREAD.equals(thread.getJavaName());
    }

    /** The first frame of Parley's own code (or the top frame if none), as Class.method:line. */
    private static String ownFrame(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "?";
        }
        for (RecordedFrame f : stack.getFrames()) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("dev.parley.desktop.")) {
                return frame(f);
            }
        }
        return frame(stack.getFrames().get(0));
    }

    private static String topFrames(RecordedStackTrace stack, int n) {
        if (stack == null) {
            return "?";
        }
        return stack.getFrames().stream().limit(n).map(FxStallReport::frame).collect(Collectors.joining(" < "));
    }

    private static String frame(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    private static String top(Map<String, Integer> counts, int n) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top.toString();
    }

    @Override
    public void close() {
        recording.close();
    }
}
