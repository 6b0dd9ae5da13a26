package dev.parley.bench.group;

import dev.parley.desktop.app.ParleyApp;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * One measured send by a real client: from the call until the relay has accepted everything it queued (the client's
 * outbox is empty, {@code awaitDrained}), with the client's CPU (the calling thread, and the client's connection
 * threads, chosen by id), the relay's CPU and what the relay's counters say about it.
 *
 * @param callMs          wall time of the call itself (encrypt, seal, commit to the outbox)
 * @param drainedMs       wall time until every queued item was accepted by the relay
 * @param callCpuMs       CPU of the calling thread during the call
 * @param connectionCpuMs CPU of the client's connection threads until drained (building and writing the frames,
 *                        handling the answers)
 * @param processCpuMs    CPU of the whole benchmark JVM until drained (includes JIT and GC)
 * @param relayCpuMs      CPU of the relay process until drained (10 ms resolution)
 * @param uploads         WebSocket messages the relay received meanwhile
 * @param stored          blobs the relay stored meanwhile
 * @param multiSends      {@code send_multi} frames the relay answered meanwhile
 * @param relaySettleMs   the relay's own time from routing to answering those {@code send_multi} frames (sum)
 */
record SendPhase(double callMs, double drainedMs, double callCpuMs, double connectionCpuMs, double processCpuMs,
                 long relayCpuMs, long uploads, long stored, long multiSends, double relaySettleMs) {

    /** Something a client does, measured as a send. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    static SendPhase measure(BenchRelay relay, ParleyApp client, Set<Long> connectionThreads, Action action)
            throws Exception {
        BenchRelay.Metrics before = relay.metrics();
        long relayCpu = relay.cpuMillis();
        CpuMeter meter = CpuMeter.start();
        double callCpu = CpuMeter.currentThreadSeconds();
        long start = System.nanoTime();
        action.run();
        long called = System.nanoTime();
        callCpu = CpuMeter.currentThreadSeconds() - callCpu;
        if (!client.connection().awaitDrained(Duration.ofMinutes(10))) {
            throw new IllegalStateException("the relay did not accept everything within 10 minutes");
        }
        long drained = System.nanoTime();
        double connectionCpu = meter.seconds(CpuMeter.ids(connectionThreads));
        double processCpu = meter.processSeconds();
        long relayCpuAfter = relay.cpuMillis();
        BenchRelay.Metrics after = relay.metrics();
        return new SendPhase((called - start) / 1e6, (drained - start) / 1e6, callCpu * 1e3, connectionCpu * 1e3,
                processCpu * 1e3, relayCpuAfter - relayCpu, after.messagesIn() - before.messagesIn(),
                after.stored() - before.stored(), after.multiSends() - before.multiSends(),
                (after.multiSettleSeconds() - before.multiSettleSeconds()) * 1e3);
    }

    /** The client's CPU for the send: the calling thread plus its connection threads. */
    double clientCpuMs() {
        return callCpuMs + connectionCpuMs;
    }

    String line(String what) {
        return String.format(Locale.ROOT, "%-34s call %8.1f ms, accepted after %8.1f ms | client CPU %7.1f ms (call %7.1f"
                        + " + connection %6.1f; whole JVM %7.1f) | relay CPU %5d ms | uploads %4d, stored %4d, send_multi %d"
                        + " settled by the relay in %6.1f ms", what, callMs, drainedMs, clientCpuMs(), callCpuMs,
                connectionCpuMs, processCpuMs, relayCpuMs, uploads, stored, multiSends, relaySettleMs);
    }
}
