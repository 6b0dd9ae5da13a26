package dev.parley.desktop.profile;

/** Progress of a backup export or restore: first the database rows, then the attachment bytes. */
@FunctionalInterface
public interface BackupProgress {
    BackupProgress NONE = (phase, done, total) -> { };

    enum Phase { DATABASE, FILES }

    /** {@code done} of {@code total} rows (DATABASE) or bytes (FILES); called from the working thread. */
    void progress(Phase phase, long done, long total);
}
