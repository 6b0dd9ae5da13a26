package dev.parley.desktop.service.connection;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three daemon threads of the {@link RelayConnectionService}: {@code control} owns connecting, login, sending and
 * reconnect scheduling; {@code inbound} processes deliveries in relay order; {@code background} runs slow side jobs
 * (prekey top-up).
 */
final class ConnectionThreads {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionThreads.class);

    final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(daemon("parley-relay-control"));
    final ScheduledExecutorService inbound = Executors.newSingleThreadScheduledExecutor(daemon("parley-relay-inbound"));
    final ScheduledExecutorService background =
            Executors.newSingleThreadScheduledExecutor(daemon("parley-relay-background"));

    /** Stops taking work and waits for what was queued: up to 10 s for the inbound deliveries, 5 s for the others. */
    void shutdownAndWait() {
        control.shutdown();
        inbound.shutdown();
        background.shutdown();
        try {
            if (!inbound.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("inbound processing did not finish within 10 s");
            }
            control.awaitTermination(5, TimeUnit.SECONDS);
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
