package dev.parley.desktop.service.connection;

import dev.parley.desktop.net.ConnectionStateMachine;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What callers of {@link RelayConnectionService} wait for: the connection online (for a request), or everything sent
 * and received (drained). The service {@link #signal}s every change of state.
 */
final class ConnectionWaits {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWaits.class);

    private final Object monitor = new Object();
    private final Supplier<RelayConnection> currentConnection;
    private final ConnectionStateMachine machine;
    private final ConnectionSettings settings;
    private final Outbox outbox;
    private final BooleanSupplier unlinked;
    private final BooleanSupplier halted;

    /** @param halted whether the connection was stopped on purpose (lock, quit): waiting requests give up at once */
    ConnectionWaits(Supplier<RelayConnection> currentConnection, ConnectionStateMachine machine,
                    ConnectionSettings settings, Outbox outbox, BooleanSupplier unlinked, BooleanSupplier halted) {
        this.currentConnection = currentConnection;
        this.machine = machine;
        this.settings = settings;
        this.outbox = outbox;
        this.unlinked = unlinked;
        this.halted = halted;
    }

    /** What a request gets when the connection was stopped on purpose (lock, quit) while or before it waited. */
    static dev.parley.desktop.service.RelayUnreachableException halted() {
        return new dev.parley.desktop.service.RelayUnreachableException(
                "the connection was stopped (profile locked or closing)");
    }

    boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (true) {
                if (isDrained()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 250)));
            }
        }
    }

    private boolean isDrained() {
        RelayConnection c = currentConnection.get();
        if (c == null || !c.online || c.failed || !c.queueEmpty || c.inFlight.get() > 0) {
            return false;
        }
        try {
            return outbox.pending().stream().allMatch(Outbox.Item::ephemeral);
        } catch (StorageFailureException e) {
            LOG.warn("cannot read the outbox", e);
            return false;
        }
    }

    RelayConnection awaitOnline() throws ServiceException {
        long deadline = System.nanoTime() + settings.onlineWait().toNanos();
        synchronized (monitor) {
            while (true) {
                RelayConnection c = currentConnection.get();
                if (c != null && c.online && machine.status() == ConnectionStatus.ONLINE) {
                    return c;
                }
                if (unlinked.getAsBoolean()) {
                    throw new dev.parley.desktop.service.RelayRejectedException(
                            "this device was unlinked from its account; its account data was wiped");
                }
                if (halted.getAsBoolean()) {
                    throw halted();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new dev.parley.desktop.service.RelayUnreachableException("the relay is unreachable ("
                            + machine.state().get().lastError().orElse(machine.status().name().toLowerCase(java.util.Locale.ROOT)) + ")");
                }
                try {
                    monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 250)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new dev.parley.desktop.service.RelayUnreachableException("interrupted while waiting for the relay", e);
                }
            }
        }
    }

    void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
