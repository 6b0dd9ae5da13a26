package dev.parley.desktop.ui;

import java.time.Duration;

/**
 * With {@code -Dparley.startupTrace=true}, the app says on stderr when its window was shown and when its first screen
 * took input: {@code parley-startup EVENT EPOCH_MILLIS cpu-ms=PROCESS_CPU_MILLIS}, one line each, for
 * {@code bench/scripts/desktop-startup.sh} (docs/benchmarks.md, "Startup"). Otherwise it does nothing.
 */
final class StartupTrace {
    static final String PROPERTY = "parley.startupTrace";

    private StartupTrace() {
    }

    /** Reports {@code event} ("shown", "ready") now, if tracing is on. */
    static void mark(String event) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.err.println("parley-startup " + event + " " + System.currentTimeMillis() + " cpu-ms=" + cpu);
    }
}
