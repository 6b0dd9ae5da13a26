package dev.parley.desktop.ui;

import dev.parley.desktop.ui.unlock.ProfileGateway;

/** A {@link ProfileGateway} that also hands out the unlocked session and locks it. */
public interface SessionGateway extends ProfileGateway, AutoCloseable {

    /**
     * The session of the profile unlocked last.
     *
     * @throws IllegalStateException if no profile is unlocked
     */
    UnlockedSession session();

    /** Closes the session (disconnects, closes the database, forgets keys); harmless when locked. */
    void lock();

    /** Locks and stops the embedded relay, if one runs. */
    @Override
    void close();
}
