package dev.parley.desktop.net;

/** A connection state change that the state machine does not allow (a programming error). */
public final class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(ConnectionStatus from, ConnectionStatus to) {
        super("connection cannot go from " + from + " to " + to);
    }
}
