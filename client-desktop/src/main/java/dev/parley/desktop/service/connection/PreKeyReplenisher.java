package dev.parley.desktop.service.connection;

/** Called by the connection when the relay says the one-time prekey stock is low (the account service). */
@FunctionalInterface
public interface PreKeyReplenisher {
    /** Generates and uploads one-time prekeys so the relay holds at least the target stock again. */
    void replenish(int remaining);
}
