package dev.parley.desktop.storage;

/**
 * Progress of a long schema migration while a profile is unlocked (a Java migration that copies a large history in
 * ranges reports after each range). {@code step} is a short description fit for the user ("Updating the search
 * index"), never message text or any other secret; {@code done} grows towards {@code total}.
 */
@FunctionalInterface
public interface MigrationProgress {
    /** Reports nothing. */
    MigrationProgress NONE = (step, done, total) -> { };

    void update(String step, long done, long total);
}
