package dev.parley.desktop.service.connection;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the connection says as its profile locks or quits (issue #14): presence "offline" to every contact, already
 * encrypted, in waves. The first wave leaves at once on the online link (so a presence that closes while the
 * connection stays up, or a connection that only stops, as {@code listen} does at its end, still tells the first
 * wave's worth of contacts); the others a wave per interval after it, on the link the connection service hands over
 * as it closes, sent by {@link Departure}. Runs its steps on the service's control thread, which owns the link.
 */
final class LastWords {
    private static final Logger LOG = LoggerFactory.getLogger(LastWords.class);

    private final ScheduledExecutorService control;
    private final Supplier<RelayConnection> current;
    private volatile List<List<Outbox.Item>> waves = List.of();
    private volatile Duration interval = Duration.ofSeconds(1);

    /**
     * @param control the connection service's control thread
     * @param current the service's current connection (read on the control thread)
     */
    LastWords(ScheduledExecutorService control, Supplier<RelayConnection> current) {
        this.control = control;
        this.current = current;
    }

    /** Sends the first of {@code waves} now if online, and keeps the rest for {@link #depart}. */
    void say(List<List<Outbox.Item>> waves, Duration interval) {
        this.interval = Objects.requireNonNull(interval);
        if (waves.isEmpty()) {
            this.waves = List.of();
            return;
        }
        List<Outbox.Item> first = waves.get(0);
        this.waves = List.copyOf(waves.subList(1, waves.size()));
        try {
            control.execute(() -> {
                RelayConnection c = current.get();
                if (c != null && c.online) {
                    Departure.send(c, first);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("offline presence not sent: the connection is closed");
        }
    }

    /**
     * The online link for the waves still to send, taken from the service by {@code takeOnline} on the control thread
     * (the service then closes no link); null if there is nothing to say or no online link.
     */
    RelayConnection handOver(Callable<RelayConnection> takeOnline) {
        if (waves.isEmpty()) {
            return null;
        }
        try {
            return control.submit(takeOnline).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            return null;
        }
    }

    /** Sends the remaining waves on {@code departing}'s link, one interval apart, then closes it. */
    void depart(RelayConnection departing) {
        if (departing != null) {
            Departure.start(departing, waves, interval, interval);
        }
    }
}
