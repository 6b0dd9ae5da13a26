package dev.parley.relay.store;

/** The attachment store refused a request; nothing was changed by it. Built without a stack trace (an expected outcome). */
public final class AttachmentRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The uploader's stored and reserved attachments plus this one would exceed its quota. */
        QUOTA_EXCEEDED,
        /** The disk has no room for it, or writing failed (the partial upload was deleted). */
        STORAGE_FULL,
        /** No such attachment for this account: unknown, expired, incomplete for a reader, or someone else's. */
        UNKNOWN,
        /** A chunk that is not the next one, or an upload that is already complete. */
        OUT_OF_ORDER,
        /** A chunk of the wrong length for its index. */
        BAD_LENGTH
    }

    private final Reason reason;

    public AttachmentRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
