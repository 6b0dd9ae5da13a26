package dev.parley.desktop.storage;

/**
 * Receives the events attached to a transaction after that transaction has committed (the service layer plugs its
 * event bus in here). Called on the thread that ran the transaction; must not throw.
 */
@FunctionalInterface
public interface EventPublisher {

    /** Publishes nothing: for tests and tools that do not care about events. */
    EventPublisher NONE = event -> { };

    void publish(Object event);
}
