package dev.parley.desktop.net;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The guarded connection state: every change names the status it expects to leave, and only the transitions below
 * are allowed. Observable through {@link #state()}.
 *
 * <pre>
 * DISCONNECTED -> CONNECTING -> AUTHENTICATING -> ONLINE
 *                    |               |              |
 *                    v               v              v
 *                 RECONNECTING <-----+--------------+ ; RECONNECTING -> CONNECTING
 * any -> DISCONNECTED (stop)
 * </pre>
 */
public final class ConnectionStateMachine {
    private static final Map<ConnectionStatus, Set<ConnectionStatus>> ALLOWED = new EnumMap<>(ConnectionStatus.class);

    static {
        ALLOWED.put(ConnectionStatus.DISCONNECTED, EnumSet.of(ConnectionStatus.CONNECTING));
        ALLOWED.put(ConnectionStatus.CONNECTING, EnumSet.of(ConnectionStatus.AUTHENTICATING, ConnectionStatus.RECONNECTING));
        ALLOWED.put(ConnectionStatus.AUTHENTICATING, EnumSet.of(ConnectionStatus.ONLINE, ConnectionStatus.RECONNECTING));
        ALLOWED.put(ConnectionStatus.ONLINE, EnumSet.of(ConnectionStatus.RECONNECTING));
        ALLOWED.put(ConnectionStatus.RECONNECTING, EnumSet.of(ConnectionStatus.CONNECTING));
    }

    private final SimpleObservableValue<ConnectionState> state = new SimpleObservableValue<>(ConnectionState.DISCONNECTED);

    /** The observable state. */
    public ObservableValue<ConnectionState> state() {
        return state;
    }

    /**
     * Moves from {@code expected} to {@code next}.
     *
     * @return false (and changes nothing) if the current status is not {@code expected}, which happens when another
     *     thread got there first (for example {@link #stop()} during a connect)
     * @throws IllegalTransitionException if {@code expected -> next} is not an allowed transition
     */
    public synchronized boolean transition(ConnectionStatus expected, ConnectionState next) {
        if (!isAllowed(expected, next.status())) {
            throw new IllegalTransitionException(expected, next.status());
        }
        if (state.get().status() != expected) {
            return false;
        }
        state.set(next);
        return true;
    }

    /** Moves to DISCONNECTED from anywhere; a no-op if already there. */
    public synchronized void stop() {
        if (state.get().status() != ConnectionStatus.DISCONNECTED) {
            state.set(ConnectionState.DISCONNECTED);
        }
    }

    public ConnectionStatus status() {
        return state.get().status();
    }

    public static boolean isAllowed(ConnectionStatus from, ConnectionStatus to) {
        return to == ConnectionStatus.DISCONNECTED || ALLOWED.get(from).contains(to);
    }
}
