package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.FlushScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last words of a link as its profile locks or quits (issue #14): presence "offline" to every contact, already
 * encrypted (the profile's storage and keys are closed by then; only ciphertext waits here), in waves: the first at
 * once, each next one {@code interval} later, as an announcement goes (the relay allows a connection a burst of sends
 * and a steady rate after it, and refuses the rest). The link, handed over by the connection service as it stops, is
 * closed after the last wave. Frames of a wave leave coalesced. Nothing is read from the link meanwhile: a delivery
 * pushed to it is not acknowledged, so the relay keeps it for the next sign-in; a sign-in elsewhere (unlocking again)
 * makes the relay close this link, which ends the waves.
 *
 * <p>Runs on its own thread, which is not a daemon: a command-line client that ends ({@code listen}) still says
 * goodbye to every contact before the JVM exits. At most {@link #LONGEST} of waves are sent (more than 1,500 contacts
 * at the default pacing); contacts after that see the profile go offline when nothing was heard for 150 s.
 */
final class Departure {
    private static final Logger LOG = LoggerFactory.getLogger(Departure.class);
    static final Duration LONGEST = Duration.ofSeconds(30);

    private Departure() {
    }

    /** Sends {@code waves} on {@code c}'s link a wave per {@code interval}, then closes the link. */
    static void start(RelayConnection c, List<List<Outbox.Item>> waves, Duration interval) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "parley-relay-departure");
            t.setDaemon(false);
            return t;
        });
        long step = Math.max(1, interval.toMillis());
        int sent = (int) Math.min(waves.size(), 1 + LONGEST.toMillis() / step);
        for (int i = 0; i < sent; i++) {
            List<Outbox.Item> wave = waves.get(i);
            thread.schedule(() -> send(c, wave), i * step, TimeUnit.MILLISECONDS);
        }
        if (sent < waves.size()) {
            LOG.info("going offline: {} of {} presence waves sent, the rest time out", sent, waves.size());
        }
        // after the last wave (tasks due at the same time run in the order scheduled)
        thread.schedule(() -> c.link.close(), Math.max(0, sent - 1) * step, TimeUnit.MILLISECONDS);
        thread.shutdown();
    }

    private static void send(RelayConnection c, List<Outbox.Item> wave) {
        if (!c.link.isOpen()) {
            return;
        }
        List<Object> steps = new ArrayList<>();
        for (Outbox.Item item : wave) {
            DeviceSends.add(steps, item);
        }
        try {
            FlushScope.run(() -> {
                for (Object step : steps) {
                    DeviceSends.sendEphemeral(c, (DeviceSends.Copies) step);
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("a presence wave was not sent: {}", e.getClass().getSimpleName());
        }
    }
}
