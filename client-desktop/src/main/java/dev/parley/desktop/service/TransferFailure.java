package dev.parley.desktop.service;

import java.util.Optional;

/**
 * Why a file transfer failed, carried as the cause of the {@link ServiceException} the attachment service throws, so
 * that the desktop can show one clear sentence per reason while the CLI keeps its exit codes. No file names or ids.
 */
public final class TransferFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The reasons a user is told apart. */
    public enum Reason {
        /** Larger than the relay (or the format) accepts. */
        TOO_LARGE,
        /** The user's files on the relay are over its quota. */
        QUOTA_EXCEEDED,
        /** The relay has no room now. */
        RELAY_FULL,
        /** The file could not be read (missing, a directory, no permission, changed while sending). */
        UNREADABLE,
        /** The relay no longer has it (expired after its time to live, or never had it). */
        GONE,
        /** What the relay served does not match what the sender sent. */
        INVALID,
        /** The user cancelled it. */
        CANCELLED
    }

    private final Reason reason;

    public TransferFailure(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason in the cause chain of {@code failure}, if a transfer failure is there. */
    public static Optional<Reason> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransferFailure f) {
                return Optional.of(f.reason());
            }
        }
        return Optional.empty();
    }
}
