package dev.parley.desktop.storage.memory;

/** An in-memory store whose whole state can be captured before a write transaction and restored on rollback. */
interface Snapshotting {
    Object snapshot();

    void restore(Object snapshot);
}
