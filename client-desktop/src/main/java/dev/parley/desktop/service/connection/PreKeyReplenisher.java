package dev.parley.desktop.service.connection;

/**
 * Called by the connection after every sign-in and when the relay says the one-time prekey stock is low (the account
 * service).
 */
@FunctionalInterface
public interface PreKeyReplenisher {
    /**
     * Generates and uploads one-time prekey sets so the relay holds the target stock again, and rotates the signed
     * and last-resort KEM prekeys when due.
     */
    void replenish(int remaining);
}
