package dev.parley.relay.store;

/**
 * Tells a node that another node (or this one) stored a blob for a user it serves, so it drains that user's queue
 * now rather than at the user's next connection. Only a store shared by several nodes has one.
 */
public interface QueueWakeups extends AutoCloseable {
    /** Runs {@code wake} (on a listener thread; it must not block) whenever a blob is stored for the user. */
    void subscribe(String username, Runnable wake);

    /** Stops waking {@code wake}; a later subscription for the same user is left alone. */
    void unsubscribe(String username, Runnable wake);

    /** Whether wake-ups currently arrive (the listener is connected). */
    boolean listening();

    @Override
    void close();
}
