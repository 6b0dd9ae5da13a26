package dev.parley.desktop.service.connection;

import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStateMachine;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.ReconnectPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reconnecting with backoff, on the control thread: counts the failed attempts since the last login, shows the next
 * attempt's time in the connection state ({@link ConnectionState#reconnecting}) and connects again when it comes,
 * unless the service stopped meanwhile.
 */
final class Reconnects {
    private final ReconnectPolicy policy;
    private final Clock clock;
    private final ConnectionStateMachine machine;
    private final ScheduledExecutorService control;
    private final BooleanSupplier stopped;
    private final Runnable connect;
    private int failedAttempts;

    Reconnects(ReconnectPolicy policy, Clock clock, ConnectionStateMachine machine, ScheduledExecutorService control,
               BooleanSupplier stopped, Runnable connect) {
        this.policy = policy;
        this.clock = clock;
        this.machine = machine;
        this.control = control;
        this.stopped = stopped;
        this.connect = connect;
    }

    /** A login succeeded: the next failure waits the shortest delay again. */
    void loggedIn() {
        failedAttempts = 0;
    }

    /** The link from state {@code from} failed for {@code reason}: schedules the next attempt. */
    void schedule(ConnectionStatus from, String reason) {
        if (stopped.getAsBoolean() || from == ConnectionStatus.DISCONNECTED || from == ConnectionStatus.RECONNECTING) {
            return;
        }
        failedAttempts++;
        Duration delay = policy.delayBeforeAttempt(failedAttempts);
        Instant next = clock.instant().plus(delay);
        if (machine.transition(from, ConnectionState.reconnecting(failedAttempts, next, reason))) {
            control.schedule(() -> {
                if (!stopped.getAsBoolean() && machine.transition(ConnectionStatus.RECONNECTING,
                        ConnectionState.of(ConnectionStatus.CONNECTING))) {
                    connect.run();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
